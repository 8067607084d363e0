import ArgumentParser
import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiClient
import LiveConsole
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

    @Argument(help: "The payment reference (ARN...).")
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
        let reference: PaymentReference
        do { reference = try PaymentReference(self.reference) } catch { throw fail(error.description, code: ExitCodes.usage) }
        let settings: ConsoleSettings
        do { settings = try SettingsLoader().load(baseURLFlag: connection.baseURL) } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
        let person = operatorName.flatMap { $0.isEmpty ? nil : $0 } ?? CounterIdentity.operatorName(settings)
        let resolution = Resolution(
            reference: reference, verdict: paid ? .paid : .notPaid, person: person,
            note: note.trimmingCharacters(in: .whitespacesAndNewlines))
        let outcome: Result<PaymentRecord, JournalError> = try await withJournal { store in
            do throws(JournalError) {
                return .success(try await store.resolve(resolution, at: Date()))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let record):
            var printed: String?
            if record.state == .paid {
                printed = await printReceipt(record, environment: settings.connection.environment)
            }
            report(record, person: person, printed: printed)
        case .failure(let error):
            let code: Int32 = switch error {
            case .unknownReference: ExitCodes.notFound
            case .notResolvable: ExitCodes.refused
            default: ExitCodes.journal
            }
            if json {
                Terminal.standardOutput.write(PaymentReport.json(["outcome": "not_recorded", "error": error.description, "exit_code": Int(code)]) + "\n")
            }
            throw fail(error.description, code: code)
        }
    }

    /// The receipt of a payment a person confirmed paid, through the console's printer path.
    private func printReceipt(_ record: PaymentRecord, environment: KhaltiEnvironment) async -> String {
        let printer = ReceiptPrinter.configured(dataFolder: URL(fileURLWithPath: DataDirectory.path(), isDirectory: true))
        do {
            return "Receipt \(try await printer.print(Receipt(payment: record.summary, newExpiry: nil, environment: environment)))."
        } catch {
            return "The receipt was not printed: \(error.reason) \(error.nextStep)"
        }
    }

    private func report(_ record: PaymentRecord, person: String, printed: String?) {
        if json {
            var object: [String: Any] = ["outcome": "recorded", "payment": PaymentReport.jsonObject(record)]
            object["receipt"] = printed ?? NSNull()
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
            return
        }
        var text = "\n\(record.state.label): recorded as decided by \(person).\n\n" + PaymentReport.card(record)
        if let printed { text += "\n" + printed + "\n" }
        Terminal.standardOutput.write(text)
    }
}
