import ArrownetDomain
import Foundation
import PaymentJournal

/// One printing of a paid payment's receipt, as the desk decided it from the journal.
public struct ReceiptPlan: Sendable, Hashable {
    /// Printed before (by any console or command, on any counter sharing the journal):
    /// this printing is marked REPRINT and never opens the drawer.
    public let isReprint: Bool
    /// The new expiry to show: the original's when reprinting, so every copy says the same.
    public let newExpiry: Date?
    /// Every earlier printing, oldest first.
    public let earlier: [ReceiptPrinting]
}

/// A receipt the printer took, and whether the journal recorded it.
public struct PrintedReceipt: Sendable {
    /// Where it went, in the printer's words.
    public let destination: String
    public let plan: ReceiptPlan
    /// The journal could not record the printing: the next one will not be marked REPRINT.
    public let recordProblem: JournalError?
}

/// Why a receipt was not printed.
public enum ReceiptFailure<PrinterFailure: Error>: Error {
    /// The journal's printings could not be read, so nothing was printed: printing
    /// without them could hand out a second unmarked original.
    case journal(JournalError)
    /// The printer failed; nothing was recorded, so the next printing is still the original.
    case printer(PrinterFailure)
}

extension PaymentDesk {
    /// Prints a paid payment's receipt and records the printing: the one receipt path of
    /// the console and every command. The journal, not the caller, decides original or
    /// REPRINT, because only the journal knows what other consoles, commands and counters
    /// printed. `print` is handed that decision and prints (or saves) the receipt.
    ///
    /// Two counters printing the same receipt in the same instant may both print an
    /// original; the journal keeps both printings, and every later one is a REPRINT.
    public func printReceipt<PrinterFailure: Error>(
        of reference: PaymentReference, newExpiry: Date?,
        print: (ReceiptPlan) async throws(PrinterFailure) -> String
    ) async throws(ReceiptFailure<PrinterFailure>) -> PrintedReceipt {
        try await Self.printReceipt(of: reference, newExpiry: newExpiry, store: store, clock: clock, print: print)
    }

    /// The same, for a command that opens the journal without Khalti (`arrownet receipt`).
    public static func printReceipt<PrinterFailure: Error>(
        of reference: PaymentReference, newExpiry: Date?, store: any JournalStore,
        clock: @Sendable () -> Date = Date.init, print: (ReceiptPlan) async throws(PrinterFailure) -> String
    ) async throws(ReceiptFailure<PrinterFailure>) -> PrintedReceipt {
        let earlier: [ReceiptPrinting]
        do throws(JournalError) {
            earlier = try await store.receiptPrintings(of: reference)
        } catch {
            throw .journal(error)
        }
        let plan = ReceiptPlan(isReprint: !earlier.isEmpty, newExpiry: earlier.isEmpty ? newExpiry : earlier.first?.newExpiry, earlier: earlier)
        let destination: String
        do throws(PrinterFailure) {
            destination = try await print(plan)
        } catch {
            throw .printer(error)
        }
        let printing = ReceiptPrinting(at: clock(), isReprint: plan.isReprint, newExpiry: plan.newExpiry, destination: destination)
        do throws(JournalError) {
            try await store.recordReceiptPrinting(printing, of: reference)
            return PrintedReceipt(destination: destination, plan: plan, recordProblem: nil)
        } catch {
            return PrintedReceipt(destination: destination, plan: plan, recordProblem: error)
        }
    }
}
