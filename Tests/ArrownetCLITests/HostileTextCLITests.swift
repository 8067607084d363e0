import ArrownetDomain
import Foundation
import Hummingbird
import NetworkTestSupport
import PaymentJournal
import SQLiteJournal
import Testing

/// A customer's name holding what a hostile server, or a journal row an older version
/// wrote, could hold: none of its bytes that act on a terminal or printer (ESC, BEL, NUL,
/// a carriage return inside a line, U+202E, U+009B, DEL) reaches any output of the
/// binary: standard output or error of any command, in text, JSON or CSV, a saved receipt
/// file, or what the print command reads.
@Suite("Hostile text from Khalti or the journal reaches no output raw")
struct HostileTextCLITests {
    /// `\r` and `ESC [2K` (to overwrite the amount read out), an OSC title, BEL, `ESC p`
    /// (the ESC/POS drawer kick), U+202E, a one-byte CSI and DEL, a line break, and NUL
    /// last (SQLite's C API ends a text at NUL, so a journal row keeps what is before it).
    static let hostile = "Ram\r\u{1B}[2K\u{1B}]0;owned\u{07}\u{1B}p0\u{19}2\u{202E}5000\u{9B}2J\u{7F}\nThapa\u{00}"
    /// What an older journal or a script could write in the other texts.
    static let hostileCounter = "Back\u{1B}[2Koffice"
    static let hostileOperator = "Hari\u{07}\u{202E}"

    /// Scalars that must not be written: every control but a line end (LF, or CRLF) or a
    /// tab, so a carriage return inside a line too; DEL, C1, the bidirectional overrides,
    /// and U+FFFD (a byte that was not UTF-8, a lone 0x9B).
    static func actors(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.filter { index in
            let scalar = scalars[index]
            if scalar == "\r" { return index + 1 == scalars.count || scalars[index + 1] != "\n" }
            return (scalar != "\n" && scalar != "\t" && OutsideText.isUnsafe(scalar)) || scalar == "\u{FFFD}"
        }.map { "U+" + String(scalars[$0].value, radix: 16, uppercase: true) }
    }

    static func expectClean(
        _ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actors(in: text).isEmpty, "\(what) holds \(actors(in: text)): \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    static func expectClean(_ result: BinaryRunner.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        expectClean(result.stdout, "\(what): standard output", sourceLocation: sourceLocation)
        expectClean(result.stderr, "\(what): standard error", sourceLocation: sourceLocation)
    }

    // MARK: From Khalti

    @Test("lookup (table, JSON, CSV, a file), a refusal quoting Khalti's words, pay's read-back, receipt, status and history")
    func fromKhalti() async throws {
        let runner = try await BinaryRunner.ready()
        try await HostileKhalti.with { baseURL in
            let environment = ["KHALTI_BASE_URL": baseURL]
            let table = try await runner.run(["lookup", "hostile"], environment: environment)
            #expect(table.status == 0, "\(table.stdout)\(table.stderr)")
            Self.expectClean(table, "lookup")
            // The name is one line, and the plans' table below it is whole.
            let customer = table.stdout.split(separator: "\n").filter { $0.hasPrefix("Customer") }
            #expect(customer.count == 1 && customer[0].contains("(hostile)"), "\(table.stdout)")
            #expect(table.stdout.contains("Rs. 1,695.00"))

            let json = try await runner.run(["lookup", "hostile", "--json"], environment: environment)
            #expect(json.status == 0, "\(json.stderr)")
            Self.expectClean(json, "lookup --json")
            let name = try #require(try jsonObject(json.stdout)["full_name"] as? String)
            #expect(name.contains("Ram") && name.contains("Thapa"), "\(name)")

            let csv = try await runner.run(["lookup", "hostile", "--csv"], environment: environment)
            Self.expectClean(csv, "lookup --csv")
            #expect(csvRecords(csv.stdout).count == 1, "\(csv.stdout.debugDescription)")
            let file = try await runner.run(["lookup", "--file", "-"], environment: environment, stdin: "hostile\nrefused\n")
            Self.expectClean(file, "lookup --file")

            let refused = try await runner.run(["lookup", "refused"], environment: environment)
            #expect(refused.status != 0)
            Self.expectClean(refused, "lookup of a refused customer")
            let refusedJSON = try await runner.run(["lookup", "refused", "--json"], environment: environment)
            Self.expectClean(refusedJSON, "lookup --json of a refused customer")
            _ = try jsonObject(refusedJSON.stdout)

            // The read-back the clerk reads to the customer: the amount on a line of its own, nothing to overwrite it.
            let pay = try await runner.run(["pay", "hostile", "--months", "1"], environment: environment, stdin: "yes\n")
            #expect(pay.status == 0, "\(pay.stdout)\(pay.stderr)")
            Self.expectClean(pay, "pay")
            #expect(pay.stdout.split(separator: "\n").contains { $0.hasPrefix("Amount") && $0.hasSuffix("Rs. 1,695.00") }, "\(pay.stdout)")
            let reference = try #require(pay.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
            for receipt in runner.receiptFiles() {
                Self.expectClean(try String(contentsOf: receipt, encoding: .utf8), "receipt file \(receipt.lastPathComponent)")
            }
            let payJSON = try await runner.run(["pay", "hostile", "--months", "1", "--yes", "--again", "--json"], environment: environment)
            Self.expectClean(payJSON, "pay --json")

            for arguments in [["status", reference], ["status", reference, "--json"], ["history"], ["history", "--json"], ["history", "--csv"]] {
                let result = try await runner.run(arguments, environment: environment)
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                Self.expectClean(result, arguments.joined(separator: " "))
            }
        }
    }

    // MARK: From the journal

    /// A shift, a cash movement and a paid payment written straight into the binary's
    /// SQLite journal with outside texts unclean, as a version before the cleaning (or
    /// another program) could have written them. Answers the payment's reference and shift.
    static func writeRawJournal(_ runner: BinaryRunner) async throws -> (reference: String, shift: Int64) {
        // The binary makes its data folder and journal as it does for a counter.
        #expect(try await runner.run(["history"]).status == 0)
        let journal = try SQLiteJournal(path: runner.dataFolder.appendingPathComponent(SQLiteJournal.fileName).path)
        let now = Date()
        guard case .opened(let shift) = try await journal.openShift(
            ShiftOpening(counter: hostileCounter, operatorName: hostileOperator, openingFloat: Money(rupees: 1000), openingBalance: nil, at: now))
        else { throw HostileTextError("the shift did not open") }
        _ = try await journal.recordCashMovement(
            NewCashMovement(counter: hostileCounter, direction: .outOf, amount: Money(rupees: 100), reason: "tea \(hostile)", operatorName: hostileOperator, at: now))
        let reference = try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T\(Int.random(in: 10...99))")
        let intent = PaymentIntent(
            reference: reference, khaltiEnvironment: "sandbox", username: try Username("hostile"), customerName: hostile,
            plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)), counter: hostileCounter, operatorName: hostileOperator, createdAt: now)
        guard case .prepared = try await journal.prepare(intent, refusingIfPaidSince: nil) else { throw HostileTextError("not prepared") }
        _ = try await journal.markSending(reference, at: now)
        _ = try await journal.recordAnswer(
            RecordedAnswer(
                state: .paid, evidence: PaymentEvidence(note: "Khalti says the payment succeeded.", httpStatus: 200, khaltiText: "ok \(hostile)"),
                transactionID: "KTX\u{1B}p0\u{19}2", firstLookupAt: nil),
            of: reference, at: now)
        await journal.close()
        return (reference.value, shift.id)
    }

    @Test("a journal row an older version wrote: history (text, JSON, CSV), receipt files, the print command's input, shifts, status")
    func fromJournal() async throws {
        let runner = try BinaryRunner()
        let (reference, shift) = try await Self.writeRawJournal(runner)

        // JSON escapes the scalars, so a program reading it gets the journal's text back.
        let history = try await runner.run(["history", "--json"])
        Self.expectClean(history, "history --json")
        let record = try #require(try jsonArray(history.stdout).first)
        let name = try #require(record["customer_name"] as? String)
        #expect(name.hasPrefix("Ram\r\u{1B}[2K\u{1B}]0;owned\u{07}\u{1B}p0"), "\(name.unicodeScalars.map(\.value))")
        #expect(record["counter"] as? String == Self.hostileCounter)

        let csv = try await runner.run(["history", "--csv"])
        Self.expectClean(csv, "history --csv")
        let row = try #require(csvRecords(csv.stdout).first)
        // The line break stays inside the quoted field; the carriage return before ESC [2K is shown.
        #expect(row["customer_name"] == "Ram??[2K?]0;owned??p0?2?5000?2J?\nThapa", "\(csv.stdout.debugDescription)")
        #expect(csvRecords(csv.stdout).count == 1, "one record")

        for arguments in [["history"], ["history", "--totals"], ["shift", "list"], ["shift", "list", "--json"],
                          ["shift", "report", "--shift", String(shift)], ["shift", "report", "--shift", String(shift), "--json"],
                          ["shift", "report", "--shift", String(shift), "--csv"]] {
            let result = try await runner.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
            Self.expectClean(result, arguments.joined(separator: " "))
        }
        let table = try await runner.run(["history"])
        #expect(table.stdout.contains("Back?[2Koffice"), "\(table.stdout)")

        // The receipt saved as a file, then a reprint through a print command (a small script writing its standard input to a file).
        let receipt = try await runner.run(["receipt", reference])
        #expect(receipt.status == 0, "\(receipt.stdout)\(receipt.stderr)")
        Self.expectClean(receipt, "receipt")
        let files = runner.receiptFiles()
        #expect(files.count == 1)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            Self.expectClean(text, "receipt file")
            #expect(text.contains("?[2K?]0;owned"), "\(text)")
        }
        let printed = runner.home.appendingPathComponent("printed.bin")
        let script = try Self.script("#!/bin/sh\ncat > '\(printed.path)'\n", named: "print-receipt", in: runner.home)
        let reprint = try await runner.run(["receipt", reference, "--reprint", "--json"], environment: ["ARROWNET_PRINT_COMMAND": script])
        #expect(reprint.status == 0, "\(reprint.stdout)\(reprint.stderr)")
        Self.expectClean(reprint, "receipt --reprint --json")
        let input = String(decoding: try Data(contentsOf: printed), as: UTF8.self)
        Self.expectClean(input, "the print command's standard input")
        #expect(input.contains("REPRINT") && input.contains("Ram ?[2K"), "\(input)")

        // Last: its live lookup asks the sandbox, which does not know the payment.
        for arguments in [["status", reference], ["status", reference, "--json"]] {
            let result = try await runner.run(arguments)
            Self.expectClean(result, arguments.joined(separator: " "))
        }
        let status = try await runner.run(["status", reference])
        // The card's customer is one line, and the history keeps one line per event.
        #expect(status.stdout.split(separator: "\n").filter { $0.hasPrefix("Customer") }.count == 1, "\(status.stdout)")
        #expect(status.stdout.contains("Khalti: ok Ram ?[2K"), "\(status.stdout)")
    }

    /// A shell script standing in for the print command, executable; written through a
    /// close-on-exec descriptor so a process spawned meanwhile cannot hold it open
    /// ("Text file busy").
    static func script(_ text: String, named name: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o700)
        guard descriptor >= 0 else { throw HostileTextError("cannot make \(path)") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw HostileTextError("cannot write \(path)") }
        return path
    }
}

struct HostileTextError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A stand-in for Khalti that answers in its shapes with hostile texts: `hostile` has a
/// name (and plan) full of controls, `refused` is refused with Khalti's words holding
/// them, `bigdays` has `days_remaining` 10^15; payments succeed with hostile words.
enum HostileKhalti {
    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static func account(days: Int) -> String {
        json([
            "status": true, "full_name": HostileTextCLITests.hostile, "current_plan": "50 Mbps\u{1B}[8m\u{202E}", "days_remaining": days,
            "has_due": true, "accept_advance_payment": true, "plan_details": [["duration": 1, "amount": "1695.00"]],
        ])
    }

    static func with(_ body: (String) async throws -> Void) async throws {
        let router = Router()
        @Sendable func answer(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
            Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/api/servicegroup/details/arrownet/") { request, _ in
            let sent = String(buffer: try await request.body.collect(upTo: 65_536))
            if sent.contains("refused") {
                return answer(
                    json(["status": false, "error_code": "1010", "message": "Bad\u{1B}]0;owned\u{07}", "details": HostileTextCLITests.hostile]),
                    status: .badRequest)
            }
            return answer(sent.contains("bigdays") ? account(days: 1_000_000_000_000_000) : account(days: 12))
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ in
            answer(json(["status": true, "state": "Success", "message": "ok\u{1B}[2K", "detail": HostileTextCLITests.hostile, "id": "KTX\u{1B}p0\u{19}2"]))
        }
        router.get("/api/service/status/") { request, _ in
            let reference = request.uri.queryParameters["reference"].map(String.init) ?? ""
            return answer(json([
                "status": true, "state": "Success", "amount": "1695.00", "reference": reference, "response_id": "R\u{9B}1",
                "refunded": false, "details": HostileTextCLITests.hostile,
            ]))
        }
        router.get("/api/service/bulk/status/") { _, _ in
            answer(json(["status": true, "detail": [] as [Any]]))
        }
        router.get("/api/balance") { _, _ in
            answer(json(["credits_available": 100_000.0, "credits_consumed": 0]))
        }
        try await LoopbackServer.with(router, body)
    }
}
