import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// `arrownet receipt REFERENCE [--reprint]`: a paid payment's receipt, through the same
/// printer path as the console; a second printing is marked REPRINT.
struct ReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Print a paid payment's receipt (again), through the counter's printer.",
        discussion: """
            Prints on the ESC/POS printer (printer = ..., ARROWNET_PRINTER), through the print command \
            (ARROWNET_PRINT_COMMAND), or saves it under receipts/ in the data folder, as the console does. \
            The journal records every printing: a receipt printed before (by the console, pay, resolve or \
            this command) needs --reprint, and is marked REPRINT. No call to Khalti. \
            Exit codes: 0 printed; 3 the journal has no such reference; 5 the printer failed (nothing \
            recorded); 8 the payment is not paid, or waits for a person; 10 printed before and --reprint \
            not given; 11 journal unusable; 64 usage error.
            """
    )

    @Argument(help: "The payment reference (ARN and 26 letters and digits, any case).")
    var reference: String

    @Flag(name: .long, help: "Print a copy of a receipt printed before, marked REPRINT.")
    var reprint = false

    @Flag(name: .long, help: "Print one JSON object; the banner goes to standard error.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let reference = try ReferenceArgument.parse(self.reference)
        let settings = try CommandSettings.load(connection)
        let printer = try ReceiptJob.printer(settings)
        let time = NepalTime(settings)
        (json ? Terminal.standardError : Terminal.standardOutput).write(settings.connection.environment.banner + "\n")
        let (record, earlier, result) = try await withJournal { store in
            guard let record = try await journalCall({ try await store.payment(reference) }) else {
                throw fail("The journal has no payment with reference \(reference.value).", code: ExitCodes.notFound)
            }
            guard record.state == .paid else {
                throw fail(
                    "Payment \(reference.value) is \(record.state.label): a receipt is printed only for a paid payment. "
                        + record.state.cashInstruction, code: ExitCodes.refused)
            }
            if let attention = record.attention {
                throw fail(
                    "Payment \(reference.value) waits for a person (\(attention)); settle it with arrownet resolve before printing its receipt.",
                    code: ExitCodes.refused)
            }
            let earlier = try await journalCall { try await store.receiptPrintings(of: reference) }
            if let first = earlier.first, !reprint {
                throw fail(
                    "The receipt of \(reference.value) was printed before (\(time.short(first.at)) \(NepalTime.label), \(first.destination)"
                        + (earlier.count > 1 ? ", and \(earlier.count - 1) more time(s)" : "")
                        + "). Add --reprint to print a copy marked REPRINT.", code: ExitCodes.notConfirmed)
            }
            let job = ReceiptJob(printer: printer, store: store, configured: settings.connection.environment)
            let result = await job.print(record, newExpiry: nil, kickDrawer: false)
            return (record, earlier, result)
        }
        let sentence = ReceiptJob.sentence(result)
        switch result {
        case .failed:
            throw fail(sentence, code: ExitCodes.unavailable)
        case .printed(let note, let isReprint, let problem):
            if json {
                let object: [String: Any] = [
                    "outcome": "printed", "reprint": isReprint, "receipt": note, "printed_before": earlier.count,
                    "payment": PaymentReport.jsonObject(record, time: time), "exit_code": Int(problem == nil ? 0 : ExitCodes.journal),
                ]
                Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
            } else {
                var text = "\n" + sentence + "\n"
                if reprint && !isReprint { text += "It had never been printed, so this is the original, not marked REPRINT.\n" }
                Terminal.standardOutput.write(text)
            }
            if problem != nil {
                if json { Terminal.standardError.write(sentence + "\n") }
                throw ExitCode(ExitCodes.journal)
            }
        }
    }
}
