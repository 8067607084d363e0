import ArrownetDomain
import Foundation
import Testing

/// Every date the commands show is Nepal time, whatever the machine's zone, labelled NPT
/// once, with the Bikram Sambat day where the table covers it.
@Suite("One clock: Nepal time in every command, Bikram Sambat beside it")
struct OneClockTests {
    /// Far from Nepal on purpose: a machine zone leaking into any output would show.
    static let farAway = ["TZ": "America/Los_Angeles"]

    @Test("lookup: the service end and each new expiry are Nepal days, as the console works them out, in BS and AD")
    func lookupDates() async throws {
        let runner = try BinaryRunner()
        let due = try await runner.run(["lookup", "duecustomer"], environment: Self.farAway)
        #expect(due.status == 0, "\(due.stderr)")
        // 0 days remaining: service runs to today, in Nepal.
        let today = Nepal.today
        #expect(due.stdout.contains("Days remaining   0, service until \(Nepal.dual(today))\n"), "\(due.stdout)")
        #expect(Nepal.dual(today).contains(" ("), "today is inside the shipped Bikram Sambat table")
        #expect(due.stdout.contains("New expiry"))
        #expect(occurrences(of: "NPT", in: due.stdout) == 1, "labelled once: \(due.stdout)")

        let json = try jsonObject(try await runner.run(["lookup", "Pradhanang", "--json"], environment: Self.farAway).stdout)
        let end = today.adding(days: 464)
        #expect(json["service_ends"] as? String == end.isoText)
        // Past the table's last year: no guessed BS date.
        #expect(json["service_ends_bs"] is NSNull)
        let plans = try #require(json["plans"] as? [[String: Any]])
        let month = Nepal.calendar.day(of: Nepal.calendar.adding(months: 1, to: Nepal.calendar.start(of: end)))
        #expect(plans.first?["new_expiry"] as? String == month.isoText)
        #expect(plans.first?.keys.contains("new_expiry_bs") == true)

        let dueJSON = try jsonObject(try await runner.run(["lookup", "duecustomer", "--json"]).stdout)
        #expect(dueJSON["service_ends_bs"] as? String == Nepal.bs(today))
    }

    @Test("calendar = ad shows AD dates alone; JSON keeps its *_bs fields")
    func adOnly() async throws {
        let runner = try BinaryRunner()
        try runner.writeConfig("calendar = ad\n")
        let text = try await runner.run(["lookup", "duecustomer"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Days remaining   0, service until \(Nepal.today.isoText)\n"), "\(text.stdout)")
        let json = try jsonObject(try await runner.run(["lookup", "duecustomer", "--json"]).stdout)
        #expect(json["service_ends_bs"] as? String == Nepal.bs(Nepal.today))
    }

    @Test("a paid payment's time is the same on its receipt, in status, history, JSON and CSV, on a machine set to UTC")
    func oneTimeEverywhere() async throws {
        let runner = try await BinaryRunner.ready()
        let utc = ["TZ": "UTC"]
        let reference = try await runner.pay("Pradhanang", environment: utc)
        let receipt = try String(contentsOf: try #require(runner.receiptFiles().first), encoding: .utf8)
        let dateLine = try #require(receipt.split(separator: "\n").first { $0.hasPrefix("Date") })
        // The receipt's Nepal day and minute, "2026-12-02 12:37" (a BS day may stand before the AD one).
        let match = try #require(dateLine.firstMatch(of: /(\d{4}-\d{2}-\d{2})\)? (\d{2}:\d{2})/), "\(dateLine)")
        let printed = "\(match.1) \(match.2)"

        let history = try jsonArray(try await runner.run(["history", "--json"], environment: utc).stdout)
        let row = try #require(history.first)
        let resolved = try #require(row["resolved_at"] as? String)
        #expect(resolved.hasSuffix("+05:45"), "ISO 8601 with Nepal's offset: \(resolved)")
        #expect(resolved.prefix(16) == printed.replacingOccurrences(of: " ", with: "T"), "\(resolved) vs \(printed)")
        let day = try #require(CivilDay(isoText: String(resolved.prefix(10))))
        #expect(row["resolved_at_bs"] as? String == Nepal.bs(day))
        #expect(row["created_at_bs"] as? String == Nepal.bs(day))

        let status = try await runner.run(["status", reference], environment: utc)
        #expect(status.stdout.contains("Resolved         \(Nepal.dual(day)) \(printed.suffix(5))"), "\(status.stdout)")
        #expect(occurrences(of: "NPT", in: status.stdout) == 1, "labelled once: \(status.stdout)")
        let statusJSON = try jsonObject(try await runner.run(["status", reference, "--json"], environment: utc).stdout)
        let events = try #require(statusJSON["events"] as? [[String: Any]])
        #expect(events.allSatisfy { ($0["at"] as? String)?.hasSuffix("+05:45") == true && $0["at_bs"] as? String == Nepal.bs(day) })

        let table = try await runner.run(["history"], environment: utc)
        #expect(table.stdout.contains("Taken (NPT)"))
        let csv = csvRecords(try await runner.run(["history", "--csv"], environment: utc).stdout)
        #expect(csv.first?["resolved_at_npt"]?.prefix(16) == Substring(printed), "\(csv)")
        #expect(csv.first?["created_at_bs"] == Nepal.bs(day))
    }

    @Test("a bad bs_calendar table stops every command at start with its line (exit 64)")
    func badTable() async throws {
        let runner = try BinaryRunner()
        let folder = runner.home.appendingPathComponent("config/arrownet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "1 Baishakh 2000 = 1943-04-14\n2000  30 32 31 32 31 30 30 30 29 30 29 31\n2001  31 31 32 31 31 31 30 29 30 29 30 40\n"
            .write(to: folder.appendingPathComponent("bs.txt"), atomically: true, encoding: .utf8)
        try runner.writeConfig("bs_calendar = bs.txt\n")
        for arguments in [["lookup", "Pradhanang"], ["history"], ["status", "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"]] {
            let result = try await runner.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains("bs.txt, line 3: Chaitra 2001 has 40 days"), "\(arguments): \(result.stderr)")
        }
    }
}
