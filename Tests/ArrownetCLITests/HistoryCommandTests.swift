import ArrownetDomain
import Foundation
import KhaltiSandbox
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("arrownet history: ranges, names, counters, states, totals")
struct HistoryCommandTests {
    /// An intent written and then abandoned by recovery, as a killed `pay` leaves it:
    /// written through the journal's own API, on the binary's journal.
    static func abandonedPayment(_ runner: BinaryRunner, username: String, at time: Date) async throws -> PaymentReference {
        let path = runner.dataFolder.appendingPathComponent(SQLiteJournal.fileName).path
        let reference = try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T\(Int.random(in: 10...99))")
        let writer = try SQLiteJournal(path: path)
        try await Self.ensureShift(writer, counter: "Back office", at: time)
        _ = try await writer.prepare(
            PaymentIntent(
                reference: reference, khaltiEnvironment: "sandbox", username: try Username(username), customerName: "Hari Prasad Koirala - Home",
                plan: Plan(duration: .oneMonth, amount: Money(paisa: 150_000)), counter: "Back office", operatorName: "sita", createdAt: time),
            refusingIfPaidSince: nil)
        await writer.close()
        let recoverer = try SQLiteJournal(path: path)
        _ = try await recoverer.recoverStranded(at: time, lookupDelay: 300, cutoff: time.addingTimeInterval(1), counter: nil)
        await recoverer.close()
        return reference
    }

    /// Payments need an open shift at their counter.
    static func ensureShift(_ store: SQLiteJournal, counter: String, at time: Date) async throws {
        guard try await store.currentShift(counter: counter) == nil else { return }
        _ = try await store.openShift(ShiftOpening(counter: counter, operatorName: "sita", openingFloat: Money(rupees: 1000), openingBalance: nil, at: time))
    }

    @Test("--name (any case, Devanagari), --counter, --username and states by one spelling, the journal's word an alias")
    func filters() async throws {
        let runner = try BinaryRunner()
        try runner.writeConfig("counter = Front desk\r\noperator = Ram\r\n")
        try await runner.openShift()
        _ = try await runner.pay("Pradhanang")
        _ = try await runner.pay("devanagari")
        #expect(try await runner.run(["pay", "failnow", "--months", "1", "--yes"]).status == 7)
        let abandoned = try await Self.abandonedPayment(runner, username: "noadvance", at: Date())

        func references(_ arguments: [String]) async throws -> [String] {
            let result = try await runner.run(["history", "--json"] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return try jsonArray(result.stdout).compactMap { $0["username"] as? String }
        }
        #expect(try await references(["--name", "PRADHANANG"]) == ["Pradhanang"])
        #expect(try await references(["--name", "बहादुर"]) == ["devanagari"])
        #expect(try await references(["--name", "nobody by that name"]).isEmpty)
        #expect(try await references(["--counter", "front DESK"]) == ["Pradhanang", "devanagari", "failnow"])
        #expect(try await references(["--counter", "Back office"]) == ["noadvance"])
        // The config file's CRLF did not leak into what was written.
        let written = try jsonArray(try await runner.run(["history", "--json", "--username", "Pradhanang"]).stdout)
        #expect(written.first?["counter"] as? String == "Front desk" && written.first?["operator"] as? String == "Ram")

        // One spelling: the text says NOT SENT, JSON not_sent, and --state takes either, or the journal's word.
        let table = try await runner.run(["history"])
        #expect(table.stdout.contains("NOT SENT"))
        for spelling in ["not_sent", "NOT SENT", "not-sent", "abandoned"] {
            #expect(try await references(["--state", spelling]) == ["noadvance"], "\(spelling)")
        }
        let row = try #require(try jsonArray(try await runner.run(["history", "--json", "--state", "not_sent"]).stdout).first)
        #expect(row["state"] as? String == "not_sent")
        #expect(row["reference"] as? String == abandoned.value)
        #expect(try await references(["--state", "paid,not_paid"]) == ["Pradhanang", "devanagari", "failnow"])
        #expect(try await references(["--state", "paid", "--state", "not_sent"]) == ["Pradhanang", "devanagari", "noadvance"])
        let bad = try await runner.run(["history", "--state", "lost"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("prepared, sending, paid, held, not_paid, not_received, not_sent"), "\(bad.stderr)")
    }

    @Test("--since and --until are Nepal days, --until includes its day; ISO times and bs: days too")
    func ranges() async throws {
        let runner = try await BinaryRunner.ready()
        let today = Nepal.today
        let yesterdayNoon = Nepal.calendar.date(today.adding(days: -1), hour: 12)
        _ = try await Self.abandonedPayment(runner, username: "noadvance", at: yesterdayNoon)
        _ = try await runner.pay("Pradhanang")

        func usernames(_ arguments: [String], environment: [String: String] = [:]) async throws -> [String] {
            let result = try await runner.run(["history", "--csv"] + arguments, environment: environment)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            return csvRecords(result.stdout).compactMap { $0["username"] }
        }
        // On a machine in UTC-8 the days are still Nepal's.
        let far = ["TZ": "America/Los_Angeles"]
        #expect(try await usernames(["--until", today.adding(days: -1).isoText], environment: far) == ["noadvance"])
        #expect(try await usernames(["--since", "today"], environment: far) == ["Pradhanang"])
        #expect(try await usernames(["--until", "yesterday"]) == ["noadvance"])
        #expect(try await usernames(["--since", "yesterday", "--until", "today"]) == ["noadvance", "Pradhanang"])
        let noonText = "\(today.adding(days: -1).isoText)T12:00:00+05:45"
        #expect(try await usernames(["--until", noonText]).isEmpty, "an instant is the end itself")
        #expect(try await usernames(["--since", noonText, "--until", "yesterday"]) == ["noadvance"])
        if let bs = Nepal.bs(today) {
            #expect(try await usernames(["--since", "bs:\(bs)"]) == ["Pradhanang"])
        }

        let backwards = try await runner.run(["history", "--since", "today", "--until", "yesterday"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("ends before"))
        let garbled = try await runner.run(["history", "--until", "next tuesday"])
        #expect(garbled.status == 64)
        #expect(garbled.stderr.contains("--until next tuesday: expected YYYY-MM-DD (a day in Nepal)"))
        let badBS = try await runner.run(["history", "--since", "bs:2083-13-01"])
        #expect(badBS.status == 64)
        #expect(badBS.stderr.contains("is not a Bikram Sambat date"))
    }

    @Test("--totals: count and amount per state and in all, as text, JSON and CSV, for the selection")
    func totals() async throws {
        let runner = try await BinaryRunner.ready()
        _ = try await runner.pay("Pradhanang")
        _ = try await runner.pay("duecustomer")
        #expect(try await runner.run(["pay", "failnow", "--months", "1", "--yes"]).status == 7)
        let rows = try jsonArray(try await runner.run(["history", "--json"]).stdout)
        func paisa(_ state: String) throws -> Int64 {
            try rows.filter { $0["state"] as? String == state }.reduce(0) { $0 + (try Money(wire: $1["amount"] as? String ?? "x")).paisa }
        }
        let paid = Money(paisa: try paisa("paid"))
        let notPaid = Money(paisa: try paisa("not_paid"))

        let json = try jsonObject(try await runner.run(["history", "--totals", "--json"]).stdout)
        let states = try #require(json["states"] as? [[String: Any]])
        #expect(states.map { $0["state"] as? String } == ["paid", "not_paid"])
        #expect(states.map { $0["count"] as? Int } == [2, 1])
        #expect(states.map { $0["amount"] as? String } == [paid.wireString, notPaid.wireString])
        let all = try #require(json["all"] as? [String: Any])
        #expect(all["count"] as? Int == 3)
        #expect(all["amount"] as? String == (paid + notPaid).wireString)

        let text = try await runner.run(["history", "--totals"])
        #expect(text.stdout.contains("State"))
        let allLine = try #require(text.stdout.split(separator: "\n").first { $0.hasPrefix("All") })
        #expect(allLine.hasSuffix((paid + notPaid).formatted) && allLine.contains(" 3 "), "\(allLine)")

        let csv = csvRows(try await runner.run(["history", "--totals", "--csv", "--state", "paid"]).stdout)
        #expect(csv == [["state", "count", "amount"], ["paid", "2", paid.wireString], ["all", "2", paid.wireString]])
        let none = try jsonObject(try await runner.run(["history", "--totals", "--json", "--since", "2999-01-01"]).stdout)
        #expect((none["all"] as? [String: Any])?["count"] as? Int == 0)
    }

    @Test("CSV quotes a value with a line end, so rows never break")
    func csvQuoting() async throws {
        let runner = try BinaryRunner()
        let reference = try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T55")
        let writer = try SQLiteJournal(path: runner.dataFolder.appendingPathComponent(SQLiteJournal.fileName).path)
        try await Self.ensureShift(writer, counter: "C1\r\n", at: Date())
        _ = try await writer.prepare(
            PaymentIntent(
                reference: reference, khaltiEnvironment: "sandbox", username: try Username("Pradhanang"),
                customerName: "=Line one\r\nLine \"two\"", plan: Plan(duration: .oneMonth, amount: Money(paisa: 100)),
                counter: "C1\r\n", operatorName: "x", createdAt: Date()),
            refusingIfPaidSince: nil)
        await writer.close()
        let csv = try await runner.run(["history", "--csv"])
        let records = csvRecords(csv.stdout)
        #expect(records.count == 1, "\(csv.stdout)")
        #expect(records.first?["customer_name"] == "'=Line one\r\nLine \"two\"")
        #expect(records.first?["counter"] == "C1\r\n")
    }
}
