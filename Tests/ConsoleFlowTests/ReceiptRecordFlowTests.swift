import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentDesk
import PaymentJournal
import Testing

/// The console's receipts go through the desk: each printing is in the journal, so a
/// command or another counter printing the same receipt prints a REPRINT.
@Suite("Console flows: receipts recorded in the journal")
struct ReceiptRecordFlowTests {
    @Test("a paid payment's receipt printed by the console is recorded; the desk's next printing is a REPRINT")
    func consolePrintingCounts() async throws {
        try await LiveCounter.with { counter in
            await counter.payOneMonth("Pradhanang")
            let outcome = try await counter.state.outcome()
            #expect(outcome.headline == "PAID")
            let receipt = try #require(outcome.receipt)
            guard case .printed = outcome.printStatus else { throw FlowError("not printed: \(outcome.printStatus)") }

            let printings = try await counter.journal.receiptPrintings(of: receipt.reference)
            #expect(printings.map(\.isReprint) == [false], "the console recorded its original")
            #expect(printings.first?.newExpiry == receipt.newExpiry)

            // What `arrownet receipt REF` (or another counter) asks the desk: printed before.
            let next = try await counter.desk.printReceipt(of: receipt.reference, newExpiry: nil) { plan in
                "checked \(plan.isReprint)"
            }
            #expect(next.plan.isReprint)
            #expect(next.plan.newExpiry == receipt.newExpiry, "the copy shows the original's expiry")

            // The console's own r is recorded as a REPRINT too.
            await counter.press(.character("r"))
            let after = try await counter.journal.receiptPrintings(of: receipt.reference)
            #expect(after.map(\.isReprint) == [false, true, true])
        }
    }
}
