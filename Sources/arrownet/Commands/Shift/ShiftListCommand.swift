import ArgumentParser
import ArrownetDomain
import Foundation
import PaymentJournal

struct ShiftListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Shifts, newest first.")

    @Option(name: .long, help: "Only shifts opened on or after DATE: YYYY-MM-DD (Nepal time), today, yesterday or bs:YYYY-MM-DD.")
    var since: String?

    @Option(name: .long, help: "Only this counter's shifts.")
    var counter: String?

    @Flag(name: .long, help: "Print a JSON array.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var start: Date?
        if let since {
            // The same day forms as history's (Nepal days, today, yesterday, bs:, ISO 8601).
            let time = NepalTime(try CommandSettings.load(connection))
            start = DateArgument.start(try DateArgument.parse(since, option: "--since", now: Date(), time: time), time: time)
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
                String(shift.id), ShownText.inTable(shift.counter), String(shift.number), ShownText.inTable(shift.operatorName), PaymentReport.nepalTime(shift.openedAt),
                shift.closedAt.map(PaymentReport.nepalTime) ?? "open", shift.openingFloat.formatted, shift.countedCash?.formatted ?? "",
                shift.closingReport?.difference?.formatted ?? "",
            ])
        }
        Terminal.standardOutput.write(AccountReport.aligned(cells, rightAligned: [0, 2, 6, 7, 8]).joined(separator: "\n") + "\n")
    }
}
