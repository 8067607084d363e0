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

    /// Prints the receipt through the desk, which records the printing and decides from
    /// the journal whether it is the original or a REPRINT (whatever the screen asked:
    /// another console or `arrownet receipt` may have printed it, or the first printing
    /// failed). `kickDrawer` opens the drawer in the same job, for an original only.
    func print(_ receipt: Receipt, kickDrawer: Bool) async throws(ConsoleError) -> String {
        let printer = printer
        func kicks(_ plan: ReceiptPlan) -> Bool { kickDrawer && !plan.isReprint && printer.opensDrawer }
        let printed: PrintedReceipt
        do throws(ReceiptFailure<ConsoleError>) {
            printed = try await desk.printReceipt(of: receipt.reference, newExpiry: receipt.newExpiry) { plan throws(ConsoleError) in
                try await printer.print(receipt.printed(asReprint: plan.isReprint, newExpiry: plan.newExpiry), kickDrawer: kicks(plan))
            }
        } catch {
            switch error {
            case .journal(let problem): throw ConsoleError(journal: problem)
            case .printer(let problem): throw problem
            }
        }
        var note = printed.destination
        if printed.plan.isReprint && !receipt.isReprint { note += " (marked REPRINT: printed before)" }
        if let problem = printed.recordProblem {
            note += "; the journal could not record this printing (\(problem.description))"
        }
        guard kicks(printed.plan) else { return note }
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
