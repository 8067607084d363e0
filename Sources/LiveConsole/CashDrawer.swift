import ArrownetDomain
import ConsoleCore
import PaymentDesk
import PaymentJournal

/// The cash drawer behind the receipt printer (`drawer = kick`): it opens with a paid
/// payment's receipt (never a reprint's), to count the shift's cash, and by hand with
/// the clerk's reason; each opening the printer confirms is noted in the journal
/// ("payment" with the reference, "count", or the clerk's words), so the shift report
/// counts them. A job that failed after the pulse may have opened it: the clerk reads
/// that in the printer's sentence, and it is not counted.
struct CashDrawer: Sendable {
    let desk: PaymentDesk
    let printer: ReceiptPrinter
    let counter: String

    /// Prints the receipt; `kickDrawer` opens the drawer in the same job where one is set up.
    func print(_ receipt: Receipt, kickDrawer: Bool) async throws(ConsoleError) -> String {
        let kicks = kickDrawer && !receipt.isReprint && printer.opensDrawer
        let note = try await printer.print(receipt, kickDrawer: kicks)
        guard kicks else { return note }
        return note + (await noted(NewDrawerOpening.forPayment, reference: receipt.reference, operatorName: receipt.operatorName))
    }

    func open(_ reason: DrawerReason, operatorName: String) async throws(ConsoleError) -> String {
        let note = try await printer.openDrawer()
        let words = switch reason {
        case .count: NewDrawerOpening.forCount
        case .clerk(let words): words
        }
        return note + (await noted(words, reference: nil, operatorName: operatorName))
    }

    /// Notes the opening in the counter's open shift; says so when the journal could not.
    private func noted(_ reason: String, reference: PaymentReference?, operatorName: String) async -> String {
        do throws(JournalError) {
            _ = try await desk.noteDrawerOpened(counter: counter, reason: reason, reference: reference, operator: operatorName)
            return ""
        } catch {
            return "; the journal could not note the opening (\(error.description))"
        }
    }
}
