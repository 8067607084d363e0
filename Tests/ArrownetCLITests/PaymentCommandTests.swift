import Foundation
import KhaltiSandbox
import Testing

@Suite("arrownet pay, status, history and reconcile, run as a binary")
struct PaymentCommandTests {
    static let banner = "SANDBOX: no real money"

    @Test("pay --yes pays, shows the banner and the receipt card; exit 0")
    func paid() async throws {
        let runner = try await BinaryRunner.ready()
        let result = try await runner.run(["pay", "Pradhanang", "--months", "3", "--yes"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(Self.banner))
        #expect(result.stdout.contains("PAID: Khalti says the payment succeeded."))
        #expect(result.stdout.contains("Amount           Rs. 5,085.00"))
        #expect(result.stdout.contains("Keep the cash and give the receipt."))

        let history = try await runner.run(["history", "--json"])
        #expect(history.status == 0)
        #expect(history.stderr.contains(Self.banner))
        let records = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["state"] as? String == "paid")
        #expect(records.first?["amount"] as? String == "5085.00")
        #expect(records.first?["months"] as? Int == 3)
        #expect(records.first?["khalti"] as? String == "sandbox")
        #expect(Set(records.first?.keys.map { $0 } ?? []) == [
            "reference", "khalti", "username", "customer_name", "months", "amount", "counter", "operator", "state",
            "transaction_id", "created_at", "created_at_bs", "sent_at", "sent_at_bs", "resolved_at", "resolved_at_bs", "lookups",
            "next_lookup_at", "next_lookup_at_bs", "attention", "shift_id", "khalti_account",
        ])
        // The account is a prefix of the token's fingerprint, never the token (TEST:sandbox).
        let account = try #require(records.first?["khalti_account"] as? String)
        #expect(account.count == 16 && account.allSatisfy(\.isHexDigit))
        let reference = try #require(records.first?["reference"] as? String)
        let status = try await runner.run(["status", reference, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect((object["payment"] as? [String: Any])?["khalti_account"] as? String == account)
        #expect(!status.stdout.contains(SandboxToken.value), "no token in the output")
        let card = try await runner.run(["status", reference])
        #expect(card.stdout.contains("Account          \(account)…"), "\(card.stdout)")
    }

    @Test("without --yes it reads the customer back and asks; anything but yes sends nothing (exit 10)")
    func asks() async throws {
        let runner = try await BinaryRunner.ready()
        let declined = try await runner.run(["pay", "Pradhanang", "--months", "1"], stdin: "no\n")
        #expect(declined.status == 10)
        #expect(declined.stdout.contains("Customer         Ashish Pradhanang - Home (Pradhanang)"))
        #expect(declined.stdout.contains("Plan             1 month"))
        #expect(declined.stdout.contains("Take Rs. 1,695.00 for 1 month for Ashish Pradhanang - Home? Type yes to pay:"))
        #expect(declined.stderr.contains("Not confirmed; nothing was sent."))
        let silent = try await runner.run(["pay", "Pradhanang", "--months", "1"], stdin: "")
        #expect(silent.status == 10)
        #expect(try await runner.run(["history", "--csv"]).stdout.split(separator: "\n").count == 1, "header only")

        let confirmed = try await runner.run(["pay", "Pradhanang", "--months", "1"], stdin: "YES\n")
        #expect(confirmed.status == 0, "\(confirmed.stderr)")
    }

    @Test("a customer paid today needs a second yes, or --again with --yes, shown when and how much")
    func paidToday() async throws {
        let runner = try await BinaryRunner.ready()
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"]).status == 0)
        let scripted = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"])
        #expect(scripted.status == 10)
        #expect(scripted.stdout.contains("This customer was already paid today:"))
        #expect(scripted.stdout.contains("Rs. 1,695.00 for 1 month at "))
        #expect(scripted.stderr.contains("add --again"))
        let secondNo = try await runner.run(["pay", "Pradhanang", "--months", "1"], stdin: "yes\nno\n")
        #expect(secondNo.status == 10)
        #expect(secondNo.stdout.contains("Pay again? Type yes to pay again:"))
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1"], stdin: "yes\nyes\n").status == 0)
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--again"]).status == 0)
        let paid = try await runner.run(["history", "--state", "paid", "--csv"])
        #expect(paid.stdout.split(separator: "\n").count == 4, "header and three payments")
    }

    @Test("held (exit 6) blocks another payment (exit 9); reconcile waits, --now finds it paid; status shows it all")
    func heldThenReconciled() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let url = ["--base-url", sandbox.baseURL]
        let runner = try await BinaryRunner.ready()
        let held = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--json"] + url)
        #expect(held.status == 6, "\(held.stderr)")
        #expect(held.stderr.hasPrefix("SANDBOX: no real money"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(held.stdout.utf8)) as? [String: Any])
        #expect(object["outcome"] as? String == "held")
        #expect((object["reason"] as? String)?.contains("No answer came from Khalti") == true)
        let payment = try #require(object["payment"] as? [String: Any])
        let reference = try #require(payment["reference"] as? String)
        #expect(payment["state"] as? String == "held")

        let blocked = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"] + url)
        #expect(blocked.status == 9)
        #expect(blocked.stdout.contains(reference))
        #expect(blocked.stdout.contains("Keep the cash aside"))

        let notDue = try await runner.run(["reconcile"] + url)
        #expect(notDue.status == 0)
        #expect(notDue.stdout.contains("Nothing changed."))
        #expect(notDue.stdout.contains("1 payment(s) still held; keep their cash aside:"))

        let status = try await runner.run(["status", reference] + url)
        #expect(status.status == 0)
        #expect(status.stdout.contains("State            HELD"))
        #expect(status.stdout.contains("SENDING -> HELD: No answer came from Khalti."))
        #expect(status.stdout.contains("Khalti now: state Success"))
        #expect(status.stdout.contains("run `arrownet reconcile --now` to record it"))

        let now = try await runner.run(["reconcile", "--now"] + url)
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.contains("CHANGED   \(reference)  Pradhanang  Rs. 1,695.00  HELD -> PAID: Lookup: Khalti says paid."))
        let json = try await runner.run(["status", reference, "--json"] + url)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((record["payment"] as? [String: Any])?["state"] as? String == "paid")
        #expect((record["events"] as? [Any])?.count == 4)
        #expect((record["khalti"] as? [String: Any])?["meaning"] as? String == "paid")
        #expect(try await sandbox.ledgerEntries(reference: reference).count == 1)
        await sandbox.stop()
    }

    @Test("not paid is exit 7 with the refund instruction")
    func notPaid() async throws {
        let result = try await BinaryRunner.ready().run(["pay", "failnow", "--months", "1", "--yes"])
        #expect(result.status == 7)
        #expect(result.stdout.contains("NOT PAID: Khalti says the payment failed."))
        #expect(result.stdout.contains("Give the customer their money back."))
    }

    @Test("exit codes before anything is sent: 3 unknown, 8 no advance payment, 64 usage")
    func refusals() async throws {
        let runner = try await BinaryRunner.ready()
        let unknown = try await runner.run(["pay", "nosuchcustomer", "--months", "1", "--yes"])
        #expect(unknown.status == 3)
        #expect(unknown.stderr.contains("No Arrownet customer with username nosuchcustomer."))
        let noAdvance = try await runner.run(["pay", "noadvance", "--months", "1", "--yes"])
        #expect(noAdvance.status == 8)
        #expect(noAdvance.stderr.contains("Nothing was sent."))
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "2", "--yes"]).status == 64)
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--again"]).status == 64)
        #expect(try await runner.run(["pay", "ram shrestha", "--months", "1", "--yes"]).status == 64)
        #expect(try await runner.run(["history", "--json"]).stdout == "[]\n")
    }

    @Test("status of a reference the journal does not know: exit 3, Khalti's answer still shown; a malformed one: 64")
    func statusUnknown() async throws {
        let runner = try await BinaryRunner.ready()
        let unknown = try await runner.run(["status", "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"])
        #expect(unknown.status == 3)
        #expect(unknown.stdout.hasPrefix(Self.banner))
        #expect(unknown.stdout.contains("The journal has no payment with reference ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V."))
        #expect(unknown.stdout.contains("Khalti has no payment with this reference (002)."))
        #expect(try await runner.run(["status", "ARN-1"]).status == 64)
    }

    @Test("history filters by state, customer and date; bad filters are usage errors")
    func historyFilters() async throws {
        let runner = try await BinaryRunner.ready()
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"]).status == 0)
        #expect(try await runner.run(["pay", "failnow", "--months", "1", "--yes"]).status == 7)
        let table = try await runner.run(["history"])
        #expect(table.stdout.hasPrefix(Self.banner))
        #expect(table.stdout.contains("NOT PAID"))
        #expect(try await runner.run(["history", "--state", "not-paid", "--csv"]).stdout.contains("failnow"))
        #expect(!(try await runner.run(["history", "--state", "paid", "--csv"]).stdout.contains("failnow")))
        #expect(try await runner.run(["history", "--username", "FAILNOW", "--csv"]).stdout.split(separator: "\n").count == 2)
        #expect(try await runner.run(["history", "--since", "today", "--csv"]).stdout.split(separator: "\n").count == 3)
        #expect(try await runner.run(["history", "--since", "2999-01-01", "--csv"]).stdout.split(separator: "\n").count == 1)
        #expect(try await runner.run(["history", "--state", "lost"]).status == 64)
        #expect(try await runner.run(["history", "--since", "yesterday-ish"]).status == 64)
        #expect(try await runner.run(["history", "--json", "--csv"]).status == 64)
    }

    @Test("reconcile exits 5 when Khalti cannot be asked, and changes nothing")
    func reconcileUnavailable() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [
            FaultRule(call: .commit, times: 1, effect: .dropConnection),
            FaultRule(call: .status, effect: .maintenance),
            FaultRule(call: .bulkStatus, effect: .maintenance),
        ]))
        let runner = try await BinaryRunner.ready()
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL]).status == 6)
        let result = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        await sandbox.stop()
        #expect(result.status == 5)
        #expect(result.stdout.contains("UNCHANGED"))
        #expect(result.stdout.contains("maintenance"))
        #expect(try await runner.run(["history", "--state", "held", "--csv"]).stdout.split(separator: "\n").count == 2)
    }

    @Test("a journal the console cannot use stops pay before anything is sent (exit 11)")
    func journalUnusable() async throws {
        let runner = try await BinaryRunner.ready()
        let data = runner.home.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: data.appendingPathComponent("journal.sqlite").path, contents: Data("not a journal".utf8)))
        let result = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"])
        #expect(result.status == 11)
        #expect(result.stderr.contains("is not an arrownet payment journal"))
        #expect(result.stdout.hasPrefix(Self.banner))
    }
}

@Suite("arrownet pay needs an open shift")
struct PayNeedsShiftTests {
    @Test("without an open shift pay changes nothing and exits 12 with the command that opens one")
    func noShift() async throws {
        let runner = try BinaryRunner()
        let result = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"])
        #expect(result.status == 12)
        #expect(result.stderr.contains("has no open shift. Open one first: arrownet shift open --operator NAME --float AMOUNT"), "\(result.stderr)")
        let json = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--json"])
        #expect(json.status == 12)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["outcome"] as? String == "no_open_shift")
        let history = try await runner.run(["history", "--json"])
        #expect(history.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
