import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiClient
import LiveConsole
import PaymentDesk
import PaymentJournal

/// Prints a paid payment's receipt through the console's printer path (an ESC/POS
/// printer, the print command, or a file under `receipts/`), and records the printing in
/// the journal, so that the next printing, from any command or counter, is a REPRINT.
struct ReceiptJob {
    let printer: ReceiptPrinter
    let store: any JournalStore
    /// The Khalti this command is set up for: it names a payment's environment when the
    /// journal's word is a local server's (which does not say whether its token was live).
    let configured: KhaltiEnvironment

    /// The printer the settings describe (`printer`, `drawer`, `ARROWNET_PRINTER`,
    /// `ARROWNET_PRINT_COMMAND`, and `calendar`/`bs_calendar` for the dates it prints),
    /// or exit 64 with the setting's sentence. The console and every command print
    /// through this one.
    static func printer(_ settings: ConsoleSettings) throws(CommandFailure) -> ReceiptPrinter {
        do {
            return try ReceiptPrinter.configured(
                dataFolder: DataDirectory.url, printerSetting: settings.printer, drawerSetting: settings.drawer, calendar: .nepal,
                bsCalendar: settings.bikramSambatForPeople)
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
    }

    /// What printing gave.
    enum Result {
        /// Printed (or saved); `recordProblem` when the journal could not record it.
        case printed(note: String, reprint: Bool, recordProblem: String?)
        case failed(String)
    }

    /// Prints the receipt of `record` (paid) through the desk, which records the printing:
    /// the original when the journal has no printing of it, else a copy marked REPRINT
    /// showing the new expiry the original showed. `kickDrawer` opens the cash drawer
    /// with a new payment's receipt (never a reprint's).
    func print(_ record: PaymentRecord, newExpiry: Date?, kickDrawer: Bool) async -> Result {
        let environment = environment(of: record)
        let printer = printer
        // The drawer opens with the original only, and only where one is wired.
        func kicks(_ plan: ReceiptPlan) -> Bool { kickDrawer && !plan.isReprint && printer.opensDrawer }
        do throws(ReceiptFailure<ConsoleError>) {
            let printed = try await PaymentDesk.printReceipt(of: record.reference, newExpiry: newExpiry, store: store) {
                plan throws(ConsoleError) in
                var receipt = Receipt(payment: record.summary, newExpiry: plan.newExpiry, environment: environment)
                if plan.isReprint { receipt = receipt.reprint() }
                return try await printer.print(receipt, kickDrawer: kicks(plan))
            }
            if kicks(printed.plan) {
                // The job returned: the drawer opened with this payment's receipt.
                _ = try? await store.recordDrawerOpening(NewDrawerOpening(
                    counter: record.counter, at: Date(), reason: NewDrawerOpening.forPayment, reference: record.reference,
                    operatorName: record.operatorName))
            }
            return .printed(note: printed.destination, reprint: printed.plan.isReprint, recordProblem: printed.recordProblem?.description)
        } catch {
            switch error {
            case .journal(let problem):
                return .failed("The journal could not say whether it was printed before (\(problem.description)). "
                    + "Print it once the journal answers: arrownet receipt \(record.reference.value)")
            case .printer(let problem):
                return .failed("\(problem.reason) Check the printer, then print it again: arrownet receipt \(record.reference.value)")
            }
        }
    }

    /// The Khalti the payment went to, for the SANDBOX or UAT mark: a receipt is marked
    /// by where its money went, not by where this command points now.
    func environment(of record: PaymentRecord) -> KhaltiEnvironment {
        if record.khaltiEnvironment == configured.journalKey { return configured }
        switch record.khaltiEnvironment {
        case KhaltiEnvironment.sandbox.journalKey: return .sandbox
        case KhaltiEnvironment.uat.journalKey: return .uat
        case KhaltiEnvironment.live.journalKey: return .live
        default:
            // A local server (a separately run sandbox, a test double) this command is not
            // pointed at: whether its token was live is not in the journal; such servers
            // are for training, so the receipt is marked as no real money.
            let url = record.khaltiEnvironment.hasPrefix("local ") ? String(record.khaltiEnvironment.dropFirst(6)) : record.khaltiEnvironment
            return .local(baseURL: url, token: nil)
        }
    }

    /// `receipt` (where it went) and `receipt_error` (why it was not printed) for JSON
    /// answers; both null when no receipt was due.
    static func jsonFields(_ result: Result?) -> [String: Any] {
        switch result {
        case .printed(let note, _, _)?: ["receipt": note, "receipt_error": NSNull()]
        case .failed(let problem)?: ["receipt": NSNull(), "receipt_error": problem]
        case nil: ["receipt": NSNull(), "receipt_error": NSNull()]
        }
    }

    /// The sentence for people after `print`.
    static func sentence(_ result: Result) -> String {
        switch result {
        case .printed(let note, let reprint, let problem):
            var text = "\(reprint ? "REPRINT of the receipt" : "Receipt") \(note)."
            if let problem {
                text += " The journal could not record this printing (\(problem)); the next printing will not be marked REPRINT."
            }
            return text
        case .failed(let reason):
            return "The receipt was not printed: \(reason)"
        }
    }
}
