import ArgumentParser
import ArrownetDomain
import Foundation
import PaymentJournal

struct ShiftOpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open a shift at this counter with the cash in the drawer (exit 13 if one is open).")

    @Option(name: .customLong("operator"), help: "Who takes the payments (default: operator in the config file, else the login name).")
    var operatorName: String?

    @Option(name: .long, help: "The cash in the drawer at the start, in rupees (the opening float).")
    var float: String

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let float = try ShiftAccess.amount(self.float, option: "--float")
        let settings = try ShiftAccess.settings(connection)
        let counter = CounterIdentity.counter(settings)
        let person = operatorName.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? CounterIdentity.operatorName(settings)
        let opened = try await ShiftAccess.withDesk(connection) { session, desk in
            if !json { Terminal.standardOutput.write(session.banner + "\n") }
            return try await ShiftAccess.call { () throws(JournalError) in try await desk.openShift(counter: counter, operator: person, float: float) }
        }
        switch opened {
        case .opened(let shift):
            if json {
                Terminal.standardOutput.write(PaymentReport.json(["outcome": "opened", "shift": ShiftReportJSON.shift(shift)]) + "\n")
            } else {
                Terminal.standardOutput.write("\nShift \(shift.number) of \(shift.counter) opened by \(shift.operatorName) with \(shift.openingFloat.formatted) in the drawer"
                    + (shift.openingBalance.map { "; Khalti balance \($0.formatted)" } ?? "; the Khalti balance could not be read") + ".\n")
            }
        case .alreadyOpen(let shift):
            let sentence = "Shift \(shift.number) of \(shift.counter) is open already (opened by \(shift.operatorName) at "
                + "\(PaymentReport.nepalTime(shift.openedAt))). Close it first: arrownet shift close --counted AMOUNT"
            if json {
                // Its own answer, with the open shift, instead of the generic error object.
                Terminal.standardOutput.write(PaymentReport.json(["outcome": "already_open", "shift": ShiftReportJSON.shift(shift), "exit_code": Int(ExitCodes.shiftAlreadyOpen)]) + "\n")
                Terminal.standardError.write(sentence + "\n")
                throw ExitCode(ExitCodes.shiftAlreadyOpen)
            }
            throw fail(sentence, code: ExitCodes.shiftAlreadyOpen)
        }
    }
}
