import ArrownetDomain
import Foundation
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("Desk: a receipt printed once as the original, REPRINT after, from the journal")
struct ReceiptPrintingTests {
    struct PrinterDown: Error {}

    @Test("the same payment printed twice through the desk: ORIGINAL, then REPRINT; both recorded")
    func originalThenReprint() async throws {
        try await DeskHarness.with { harness in
            let paid = try #require(try await harness.pay("Pradhanang").summary)
            let expiry = Date(timeIntervalSince1970: 1_800_000_000)

            let first = try await harness.desk.printReceipt(of: paid.reference, newExpiry: expiry) { plan in
                #expect(!plan.isReprint)
                return "saved as first.txt"
            }
            // The second caller has no memory of the first and offers another expiry:
            // the journal decides, and the copy shows what the original showed.
            let second = try await harness.desk.printReceipt(of: paid.reference, newExpiry: nil) { plan in
                "saved as second \(plan.isReprint ? "REPRINT" : "ORIGINAL")"
            }

            #expect(!first.plan.isReprint && first.recordProblem == nil)
            #expect(second.plan.isReprint && second.recordProblem == nil)
            #expect(second.destination == "saved as second REPRINT")
            #expect(second.plan.newExpiry == expiry)
            #expect(second.plan.earlier.map(\.destination) == ["saved as first.txt"])
            let printings = try await harness.journal.receiptPrintings(of: paid.reference)
            #expect(printings.map(\.isReprint) == [false, true])
            #expect(printings.map(\.newExpiry) == [expiry, expiry])
            #expect(printings.map(\.destination) == ["saved as first.txt", "saved as second REPRINT"])
        }
    }

    @Test("another counter on the same journal sees this counter's printing: its first printing is a REPRINT")
    func acrossCounters() async throws {
        try await DeskHarness.with { harness in
            let paid = try #require(try await harness.pay("Pradhanang").summary)
            _ = try await harness.desk.printReceipt(of: paid.reference, newExpiry: nil) { _ in "printed at counter-1" }
            // Another process with its own connection, as another counter's console or command.
            let other = try SQLiteJournal(path: harness.journal.location)
            let there = try await PaymentDesk.printReceipt(of: paid.reference, newExpiry: nil, store: other) { _ in "printed at c" }
            await other.close()
            #expect(there.plan.isReprint)
            #expect(try await harness.journal.receiptPrintings(of: paid.reference).map(\.isReprint) == [false, true])
        }
    }

    @Test("a printer that fails records nothing: the next printing is still the original")
    func failedPrintingIsNotCounted() async throws {
        try await DeskHarness.with { harness in
            let paid = try #require(try await harness.pay("Pradhanang").summary)
            await #expect(throws: ReceiptFailure<PrinterDown>.self) {
                _ = try await harness.desk.printReceipt(of: paid.reference, newExpiry: nil) { _ throws(PrinterDown) -> String in
                    throw PrinterDown()
                }
            }
            #expect(try await harness.journal.receiptPrintings(of: paid.reference).isEmpty)
            let next = try await harness.desk.printReceipt(of: paid.reference, newExpiry: nil) { _ in "printed" }
            #expect(!next.plan.isReprint)
        }
    }
}
