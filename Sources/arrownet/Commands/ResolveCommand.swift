import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// `arrownet resolve REFERENCE --paid|--not-paid --note TEXT`: a person settles what
/// Khalti's answers could not, after checking with Khalti (merchant portal, phone).
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Record a person's decision about a held or flagged payment, after checking with Khalti.",
        discussion: """
            For a payment that is held (waiting for Khalti), or flagged for a person (NEEDS A PERSON: \
            amounts that disagree, a refund after it was paid). Records who decided (the operator), when, \
            and the note, as a journal event; --paid prints the receipt. A resolved payment no longer \
            blocks its customer. Exit codes: 0 recorded; 3 the journal has no such reference; 8 the \
            payment is already paid, not paid or abandoned and waits for no decision (nothing changed); \
            11 journal unusable; 64 usage error.
            """
    )

    @Argument(help: "The payment reference (ARN and 26 letters and digits, any case).")
    var reference: String

    @Flag(name: .long, help: "Khalti confirmed the payment went through: keep the cash, give the receipt.")
    var paid = false

    @Flag(name: .customLong("not-paid"), help: "Khalti confirmed it did not (or the money went back): give the cash back.")
    var notPaid = false

    @Option(name: .long, help: "What was checked and found, e.g. \"Khalti support confirmed Success by phone\".")
    var note: String

    @Option(name: .customLong("operator"), help: "Who decided (default: operator in the config file, else the login name).")
    var operatorName: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if paid == notPaid { throw ValidationError("Say what Khalti confirmed: --paid or --not-paid (one of them).") }
        if note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--note must say what was checked: a decision about money needs its reason.")
        }
    }

    func run() async throws {
        let reference = try ReferenceArgument.parse(self.reference)
        let settings = try CommandSettings.load(connection)
        // The receipt of --paid goes through the counter's printer; a setting that cannot
        // work is refused before anything is recorded.
        let printer = paid ? try ReceiptJob.printer(settings) : nil
        let time = NepalTime(settings)
        let person = operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? CounterIdentity.operatorName(settings)
        let resolution = Resolution(
            reference: reference, verdict: paid ? .paid : .notPaid, person: person,
            note: note.trimmingCharacters(in: .whitespacesAndNewlines))
        let (record, receipt) = try await withJournal { store -> (PaymentRecord, ReceiptJob.Result?) in
            let record: PaymentRecord
            do throws(JournalError) {
                record = try await store.resolve(resolution, at: Date())
            } catch {
                let code: Int32 = switch error {
                case .unknownReference: ExitCodes.notFound
                case .notResolvable: ExitCodes.refused
                default: ExitCodes.journal
                }
                throw fail(error.description, code: code)
            }
            guard record.state == .paid, let printer else { return (record, nil) }
            let job = ReceiptJob(printer: printer, store: store, configured: settings.connection.environment)
            return (record, await job.print(record, newExpiry: nil, kickDrawer: false))
        }
        report(record, person: person, receipt: receipt, time: time)
    }

    private func report(_ record: PaymentRecord, person: String, receipt: ReceiptJob.Result?, time: NepalTime) {
        if json {
            var object: [String: Any] = ["outcome": "recorded", "payment": PaymentReport.jsonObject(record, time: time), "exit_code": 0]
            object.merge(ReceiptJob.jsonFields(receipt)) { _, new in new }
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
            return
        }
        var text = "\n\(record.state.label): recorded as decided by \(person).\n\n" + PaymentReport.card(record, time: time)
        if let receipt { text += "\n" + ReceiptJob.sentence(receipt) + "\n" }
        text += "\n" + NepalTime.note + "\n"
        Terminal.standardOutput.write(text)
    }
}
