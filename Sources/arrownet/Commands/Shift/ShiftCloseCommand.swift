import ArgumentParser
import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentJournal

struct ShiftCloseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Count the drawer, close this counter's shift and print the Z report (exit 12 if none is open, 14 while a payment is on its way).")

    @Option(name: .long, help: "The cash counted in the drawer, in rupees.")
    var counted: String

    @Option(name: .long, help: "A note for the report (why the cash is over or short, who took it).")
    var note: String?

    @Flag(name: .long, help: "Print one JSON object (the Z report).")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let counted = try ShiftAccess.amount(self.counted, option: "--counted")
        let settings = try ShiftAccess.settings(connection)
        let counter = CounterIdentity.counter(settings)
        let environment = settings.connection.environment
        var drawer: String?
        let shift = try await ShiftAccess.withDesk(connection) { _, desk in
            // Counting the cash opens the drawer, in the shift being closed.
            if try await ShiftAccess.call({ () throws(JournalError) in try await desk.currentShift(counter: counter) }) != nil {
                drawer = await ShiftAccess.openDrawerForCount(
                    settings: settings, desk: desk, counter: counter, operator: CounterIdentity.operatorName(settings))
            }
            return try await ShiftAccess.call { () throws(JournalError) in try await desk.closeShift(counter: counter, counted: counted, note: note) }
        }
        guard let report = shift.closingReport else { throw fail("The shift closed but its report could not be read.", code: ExitCodes.journal) }
        let printed = [drawer, await ShiftAccess.print(report, settings: settings)].compactMap { $0 }.joined(separator: "\n")
        if json {
            Terminal.standardError.write(environment.banner + "\n" + printed + "\n")
            Terminal.standardOutput.write(PaymentReport.json(ShiftReportJSON.object(report)) + "\n")
        } else {
            Terminal.standardOutput.write(environment.banner + "\n\n" + ShiftReportLayout.document(for: report, environment: environment).text + "\n" + printed + "\n")
        }
    }
}
