import ArgumentParser
import ArrownetDomain
import Foundation
import PaymentJournal

struct ShiftListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Shifts, newest first.")

    @Option(name: .long, help: "Only shifts opened on or after DATE: YYYY-MM-DD (Nepal time) or 'today'.")
    var since: String?

    @Option(name: .long, help: "Only this counter's shifts.")
    var counter: String?

    @Flag(name: .long, help: "Print a JSON array.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var start: Date?
        if let since {
            guard let date = HistoryCommand.parseDate(since, now: Date(), calendar: Self.nepalCalendar) else {
                throw fail("--since \(since.prefix(40)): expected YYYY-MM-DD or 'today'.", code: ExitCodes.usage)
            }
            start = date
        }
        let filter = counter
        let shifts = try await withJournal { store in
            try await ShiftAccess.call { () throws(JournalError) in try await store.shifts(counter: filter, since: start) }
        }
        if json {
            Terminal.standardOutput.write(PaymentReport.json(shifts.map(ShiftReportJSON.shift)) + "\n")
            return
        }
        guard !shifts.isEmpty else {
            Terminal.standardOutput.write("No shifts.\n")
            return
        }
        var cells = [["Id", "Counter", "No.", "Operator", "Opened (NPT)", "Closed (NPT)", "Float", "Counted", "Over/short"]]
        for shift in shifts {
            cells.append([
                String(shift.id), shift.counter, String(shift.number), shift.operatorName, PaymentReport.nepalTime(shift.openedAt),
                shift.closedAt.map(PaymentReport.nepalTime) ?? "open", shift.openingFloat.formatted, shift.countedCash?.formatted ?? "",
                shift.closingReport?.difference?.formatted ?? "",
            ])
        }
        Terminal.standardOutput.write(AccountReport.aligned(cells, rightAligned: [0, 2, 6, 7, 8]).joined(separator: "\n") + "\n")
    }

    static var nepalCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: CounterCalendar.nepal.secondsFromGMT) ?? .gmt
        return calendar
    }
}
