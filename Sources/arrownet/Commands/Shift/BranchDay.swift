import ArgumentParser
import ArrownetDomain
import Foundation
import PaymentJournal

/// `shift report --all-counters --date DATE`: every counter's shifts of one Nepal day,
/// each with its figures (the Z report of a closed one, the X report of an open one),
/// and the branch's totals.
struct BranchDay {
    let connection: ConnectionOptions
    let date: String?
    let json: Bool

    func run() async throws {
        let calendar = CounterCalendar.nepal
        let day: CivilDay
        if let date, date.lowercased() != "today" {
            guard let parsed = CivilDay(isoText: date.trimmingCharacters(in: .whitespaces)) else {
                throw fail("--date \(date.prefix(30)): expected YYYY-MM-DD (Nepal time) or 'today'.", code: ExitCodes.usage)
            }
            day = parsed
        } else {
            day = calendar.day(of: Date())
        }
        let start = calendar.start(of: day)
        let end = calendar.start(of: day.adding(days: 1))
        let environment = try ShiftAccess.settings(connection).connection.environment
        let reports = try await ShiftAccess.withDesk(connection) { _, desk in
            let shifts = try await ShiftAccess.call { () throws(JournalError) in try await desk.shifts(counter: nil, since: nil) }
            // Shifts that were open at any moment of the day.
            let ofTheDay = shifts.filter { $0.openedAt < end && ($0.closedAt ?? .distantFuture) >= start }
            var reports: [ShiftReport] = []
            for shift in ofTheDay.sorted(by: { ($0.counter, $0.number) < ($1.counter, $1.number) }) {
                reports.append(try await ShiftAccess.call { () throws(JournalError) in try await desk.report(shiftID: shift.id) })
            }
            return reports
        }
        let totals = Totals(reports)
        if json {
            Terminal.standardError.write(environment.banner + "\n")
            Terminal.standardOutput.write(PaymentReport.json([
                "date": day.isoText, "shifts": reports.map(ShiftReportJSON.object), "totals": totals.object,
            ]) + "\n")
            return
        }
        var cells = [["Counter", "No.", "Operator", "Paid", "Not paid", "Held", "Expected", "Counted", "Over/short"]]
        for report in reports {
            cells.append([
                report.shift.counter, String(report.shift.number), report.shift.operatorName, report.paid.amount.formatted,
                report.notPaid.amount.formatted, report.held.amount.formatted, report.expectedCash.formatted,
                report.countedCash?.formatted ?? "open", report.difference?.formatted ?? "",
            ])
        }
        cells.append([
            "Total", String(reports.count), "", totals.paid.amount.formatted, totals.notPaid.amount.formatted, totals.held.amount.formatted,
            totals.expected.formatted, totals.counted.formatted, totals.difference.formatted,
        ])
        Terminal.standardOutput.write(
            environment.banner + "\n\nThe branch's day \(day.isoText) (NPT): \(reports.count) shift(s)\n\n"
                + AccountReport.aligned(cells, rightAligned: [1, 3, 4, 5, 6, 7, 8]).joined(separator: "\n") + "\n")
    }

    /// The branch's totals over the day's shifts; counted and difference over closed ones.
    struct Totals {
        var paid = ShiftReport.Tally()
        var notPaid = ShiftReport.Tally()
        var held = ShiftReport.Tally()
        var abandoned = ShiftReport.Tally()
        var expected = Money.zero
        var counted = Money.zero
        var difference = Money.zero

        init(_ reports: [ShiftReport]) {
            for report in reports {
                paid = paid + report.paid
                notPaid = notPaid + report.notPaid
                held = held + report.held
                abandoned = abandoned + report.abandoned
                expected = expected + report.expectedCash
                counted = counted + (report.countedCash ?? .zero)
                difference = difference + (report.difference ?? .zero)
            }
        }

        var object: [String: Any] {
            [
                "paid": ShiftReportJSON.tally(paid), "not_paid": ShiftReportJSON.tally(notPaid), "held": ShiftReportJSON.tally(held),
                "abandoned": ShiftReportJSON.tally(abandoned), "expected_cash": expected.wireString, "counted_cash": counted.wireString,
                "difference": difference.wireString,
            ]
        }
    }
}
