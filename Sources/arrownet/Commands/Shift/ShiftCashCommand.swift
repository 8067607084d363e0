import ArgumentParser
import ArrownetDomain
import Foundation
import PaymentJournal

struct ShiftCashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cash", abstract: "Record cash put into the drawer (--in) or taken out (--out), with who and why.")

    @Option(name: .customLong("in"), help: "Rupees put into the drawer (change brought in).")
    var cashIn: String?

    @Option(name: .customLong("out"), help: "Rupees taken out of the drawer (a cash drop to the safe).")
    var cashOut: String?

    @Option(name: .long, help: "Why, in a few words.")
    var reason: String

    @Option(name: .customLong("operator"), help: "Who (default: operator in the config file, else the login name).")
    var operatorName: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if (cashIn == nil) == (cashOut == nil) { throw ValidationError("Give --in AMOUNT or --out AMOUNT (one of them).") }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why the cash moved.") }
    }

    func run() async throws {
        let direction: CashMovement.Direction = cashIn != nil ? .into : .outOf
        let amount = try ShiftAccess.amount(cashIn ?? cashOut ?? "", option: direction == .into ? "--in" : "--out")
        guard amount.paisa > 0 else { throw fail("The amount must be more than zero.", code: ExitCodes.usage) }
        let settings = try ShiftAccess.settings(connection)
        let counter = CounterIdentity.counter(settings)
        let person = operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? CounterIdentity.operatorName(settings)
        let movement = try await withJournal { store in
            try await ShiftAccess.call { () throws(JournalError) in
                try await store.recordCashMovement(NewCashMovement(
                    counter: counter, direction: direction, amount: amount, reason: reason, operatorName: person, at: Date()))
            }
        }
        if json {
            Terminal.standardOutput.write(PaymentReport.json([
                "outcome": "recorded", "shift_id": movement.shiftID, "direction": movement.direction.rawValue,
                "amount": movement.amount.wireString, "reason": movement.reason, "operator": movement.operatorName,
                "at": ShiftReportJSON.calendar.isoText(movement.at),
            ]) + "\n")
        } else {
            Terminal.standardOutput.write("Cash \(direction == .into ? "put in" : "taken out"): \(amount.formatted) (\(reason)), recorded for \(person).\n")
        }
    }
}
