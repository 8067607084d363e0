import Foundation
import KhaltiSandbox
import Testing

@Suite("arrownet lookup and balance, run as a binary")
struct LookupCommandTests {
    @Test("with no token, the embedded sandbox answers and says so")
    func embeddedSandbox() async throws {
        let result = try await BinaryRunner().run(["lookup", "Pradhanang"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("SANDBOX: no real money"))
        #expect(result.stdout.contains("Ashish Pradhanang - Home (Pradhanang)"))
        #expect(result.stdout.contains("Days remaining   464, service until"))
        #expect(result.stdout.contains("12 months   Rs. 17,628.00   Rs. 1,469.00   Rs. 2,712.00"))
    }

    @Test("--json prints the documented object with amounts as strings")
    func json() async throws {
        let result = try await BinaryRunner().run(["lookup", "Pradhanang", "--json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("SANDBOX: no real money"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "username", "full_name", "current_plan", "days_remaining", "service_ends", "service_ends_bs", "has_due",
            "accept_advance_payment", "plans",
        ])
        #expect(object["username"] as? String == "Pradhanang")
        #expect(object["days_remaining"] as? Int == 464)
        let plans = try #require(object["plans"] as? [[String: Any]])
        #expect(plans.map { $0["months"] as? Int } == [1, 3, 6, 12])
        #expect(plans.map { $0["amount"] as? String } == ["1695.00", "5085.00", "9492.00", "17628.00"])
    }

    @Test("the console, by either name, refuses to start without a terminal and says what to use")
    func consoleNeedsTerminal() async throws {
        let runner = try BinaryRunner()
        // `arrownet` alone takes the shortcut past the argument parser; `console` does not.
        for arguments in [[], ["console"], ["console", "--no-color"]] {
            let result = try await runner.run(arguments, stdin: "")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("The console needs a terminal. For scripts use lookup, pay"), "\(arguments)")
        }
        let typo = try await runner.run(["consol"])
        #expect(typo.status == 64)
    }

    @Test("exit codes: 3 unknown, 64 bad username or usage")
    func exitCodes() async throws {
        let runner = try BinaryRunner()
        let unknown = try await runner.run(["lookup", "nosuchcustomer"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("No Arrownet customer with username nosuchcustomer."))
        let bad = try await runner.run(["lookup", "ram shrestha"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("a space is not allowed"))
        let noArguments = try await runner.run(["lookup"])
        #expect(noArguments.status == 64)
        let badConcurrency = try await runner.run(["lookup", "x", "--concurrency", "0"])
        #expect(badConcurrency.status == 64)
    }

    @Test("exit 4 for a refused token, never printing it")
    func tokenRefused() async throws {
        let sandbox = try await RunningSandbox.start()
        let result = try await BinaryRunner().run(
            ["lookup", "Pradhanang", "--base-url", sandbox.baseURL], environment: ["KHALTI_TOKEN": "TEST:WrongSecret42"])
        await sandbox.stop()
        #expect(result.status == 4)
        #expect(result.stderr.contains("Retrying will not fix this"))
        #expect(!(result.stdout + result.stderr).contains("WrongSecret42"))
    }

    @Test("exit 5 when the service is in maintenance or answers 5xx")
    func unavailable() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [
            FaultRule(call: .details, username: "Pradhanang", effect: .maintenance),
            FaultRule(call: .details, username: "duecustomer", effect: .httpError(status: 502)),
        ]))
        let runner = try BinaryRunner()
        let maintenance = try await runner.run(["lookup", "Pradhanang", "--base-url", sandbox.baseURL])
        let badGateway = try await runner.run(["lookup", "duecustomer", "--base-url", sandbox.baseURL])
        await sandbox.stop()
        #expect(maintenance.status == 5)
        #expect(maintenance.stderr.contains("maintenance"))
        #expect(badGateway.status == 5)
        #expect(badGateway.stderr.contains("HTTP 502"))
    }

    @Test("a misconfigured token file stops with a clear message")
    func openTokenFile() async throws {
        let runner = try BinaryRunner()
        let folder = runner.home.appendingPathComponent("config/arrownet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("token").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("TEST:LeakyValue".utf8), attributes: [.posixPermissions: 0o644])
        let result = try await runner.run(["lookup", "Pradhanang"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("chmod 600"))
        #expect(!result.stderr.contains("LeakyValue"))
    }

    @Test("balance")
    func balance() async throws {
        let result = try await BinaryRunner().run(["balance", "--json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""credits_available":"100000.00""#))
    }
}

@Suite("arrownet lookup --file")
struct BatchLookupTests {
    @Test("one record per input line, in input order, failures with their reason (JSON lines)")
    func jsonLines() async throws {
        let input = "Pradhanang\nnobody\n\ndevanagari\nbad name\nqueuedok\n"
        let result = try await BinaryRunner().run(["lookup", "--file", "-", "--concurrency", "3"], stdin: input)
        #expect(result.status == 3)
        let records = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        // The blank line 3 is skipped; every other record keeps its line number.
        #expect(records.map { $0["line"] as? Int } == [1, 2, 4, 5, 6])
        #expect(records.map { $0["input"] as? String } == ["Pradhanang", "nobody", "devanagari", "bad name", "queuedok"])
        #expect(records.map { $0["found"] as? Bool } == [true, false, true, false, true])
        #expect(records.map { $0["result"] as? String } == ["found", "not_found", "found", "invalid", "found"])
        #expect((records[1]["error"] as? String)?.contains("No Arrownet customer") == true)
        #expect(((records[0]["account"] as? [String: Any])?["full_name"] as? String) == "Ashish Pradhanang - Home")
    }

    @Test("CSV with a header, quoted where needed")
    func csv() async throws {
        let runner = try BinaryRunner()
        let file = runner.home.appendingPathComponent("names.txt")
        try "Pradhanang\r\nlongname\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await runner.run(["lookup", "--file", file.path, "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("line,username,result,full_name"))
        let end = Nepal.today.adding(days: 464).isoText
        #expect(lines[1] == "1,Pradhanang,found,Ashish Pradhanang - Home,50Mbps,464,\(end),,false,true,1695.00,5085.00,9492.00,17628.00,")
        #expect(lines[2].hasPrefix("2,longname,found,"))
    }

    @Test("a refused token stops the run with exit 4")
    func tokenStops() async throws {
        let sandbox = try await RunningSandbox.start()
        let names = String(repeating: "Pradhanang\n", count: 50)
        let result = try await BinaryRunner().run(
            ["lookup", "--file", "-", "--base-url", sandbox.baseURL], environment: ["KHALTI_TOKEN": "TEST:nope"], stdin: names)
        let payments = try await sandbox.ledgerEntries().count
        await sandbox.stop()
        #expect(result.status == 4)
        #expect(result.stderr.contains("Stopped after 0 of 50 lines"))
        #expect(payments == 0)
    }

    @Test("blank lines are skipped: a file with a trailing blank line is all found (exit 0)")
    func blankLines() async throws {
        let result = try await BinaryRunner().run(["lookup", "--file", "-"], stdin: "Pradhanang\n\n   \nduecustomer\n\n\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
        let empty = try await BinaryRunner().run(["lookup", "--file", "-"], stdin: "\n\n")
        #expect(empty.status == 0)
        #expect(empty.stdout.isEmpty)
    }

    @Test("not_found and unavailable told apart, in JSON lines and in CSV; unavailable outranks in the exit code (5)")
    func notFoundAndUnavailable() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .details, username: "duecustomer", effect: .maintenance)]))
        let runner = try BinaryRunner()
        let input = "nobody\nduecustomer\nPradhanang\n"
        let json = try await runner.run(["lookup", "--file", "-", "--json", "--base-url", sandbox.baseURL], stdin: input)
        #expect(json.status == 5)
        let results = try json.stdout.split(separator: "\n").map { try jsonObject(String($0))["result"] as? String }
        #expect(results == ["not_found", "unavailable", "found"])
        let csv = try await runner.run(["lookup", "--file", "-", "--csv", "--base-url", sandbox.baseURL], stdin: input)
        #expect(csv.status == 5)
        #expect(csvRecords(csv.stdout).map { $0["result"] } == ["not_found", "unavailable", "found"])
        await sandbox.stop()
    }

    @Test("the format flags mean the same for one username and for a file")
    func formats() async throws {
        let runner = try BinaryRunner()
        let single = try await runner.run(["lookup", "Pradhanang", "--csv"])
        #expect(single.status == 0, "\(single.stderr)")
        let file = try await runner.run(["lookup", "--file", "-", "--csv"], stdin: "Pradhanang\n")
        #expect(single.stdout == file.stdout, "one username is a file of one line")
        #expect(try await runner.run(["lookup", "Pradhanang", "--format", "csv"]).stdout == single.stdout)
        let unknown = try await runner.run(["lookup", "nobody", "--csv"])
        #expect(unknown.status == 3)
        #expect(csvRecords(unknown.stdout).first?["result"] == "not_found")

        let lines = try await runner.run(["lookup", "--file", "-", "--json"], stdin: "Pradhanang\n")
        #expect(lines.status == 0, "--json with --file: JSON lines")
        #expect(try jsonObject(lines.stdout)["result"] as? String == "found")
        #expect(try await runner.run(["lookup", "--file", "-", "--format", "jsonl"], stdin: "Pradhanang\n").stdout == lines.stdout)
        #expect(try await runner.run(["lookup", "Pradhanang", "--format", "json"]).stdout
            == (try await runner.run(["lookup", "Pradhanang", "--json"])).stdout)
        for conflicting in [["Pradhanang", "--json", "--csv"], ["Pradhanang", "--csv", "--format", "json"], ["--file", "-", "--format", "text"]] {
            let result = try await runner.run(["lookup"] + conflicting, stdin: "x\n")
            #expect(result.status == 64, "\(conflicting)")
        }
        let notFoundJSON = try await runner.run(["lookup", "nobody", "--json"])
        #expect(notFoundJSON.status == 3)
        let error = try jsonObject(notFoundJSON.stdout)
        #expect(error["outcome"] as? String == "not_found" && error["exit_code"] as? Int == 3)
        #expect(error["error"] as? String == "No Arrownet customer with username nobody. Check the username with the customer.", "\(error)")
        #expect(notFoundJSON.stderr.hasPrefix("SANDBOX: no real money\n"))
    }

    @Test("a file that cannot be read is a usage error")
    func missingFile() async throws {
        let result = try await BinaryRunner().run(["lookup", "--file", "/nonexistent/names.txt"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Cannot read /nonexistent/names.txt"))
    }
}
