import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: receipt printings, so that a second one is a reprint")
struct ReceiptPrintingContract {
    static let morning = JournalSamples.morning

    @Test("printings are kept in order with what they showed, seen by every store on the journal", arguments: StoreKind.available)
    func recorded(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let paid = try await fixture.payment("P1", in: .paid)
            #expect(try await fixture.store.receiptPrintings(of: paid.reference).isEmpty)
            let expiry = Self.morning.addingTimeInterval(30 * 86_400)
            let first = ReceiptPrinting(at: Self.morning, isReprint: false, newExpiry: expiry, destination: "saved as /tmp/r.txt")
            try await fixture.store.recordReceiptPrinting(first, of: paid.reference)
            let second = ReceiptPrinting(
                at: Self.morning.addingTimeInterval(60), isReprint: true, newExpiry: expiry, destination: "sent to the printer (escpos:/dev/usb/lp0)")
            // Another counter on the same journal reprints it.
            let other = try await fixture.another()
            try await other.recordReceiptPrinting(second, of: paid.reference)
            #expect(try await fixture.store.receiptPrintings(of: paid.reference) == [first, second])
            #expect(try await other.receiptPrintings(of: paid.reference) == [first, second])
            // Only that payment's.
            let another = try await fixture.payment("P2", in: .paid, username: "duecustomer")
            #expect(try await fixture.store.receiptPrintings(of: another.reference).isEmpty)
            let noExpiry = ReceiptPrinting(at: Self.morning, isReprint: false, newExpiry: nil, destination: "x")
            try await fixture.store.recordReceiptPrinting(noExpiry, of: another.reference)
            #expect(try await fixture.store.receiptPrintings(of: another.reference) == [noExpiry])
        }
    }

    @Test("a printing of a reference the journal does not have is refused; none is listed for it", arguments: StoreKind.available)
    func unknown(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let missing = try PaymentReference("NOPE1")
            await #expect(throws: JournalError.unknownReference(missing)) {
                try await fixture.store.recordReceiptPrinting(
                    ReceiptPrinting(at: Self.morning, isReprint: false, newExpiry: nil, destination: "x"), of: missing)
            }
            #expect(try await fixture.store.receiptPrintings(of: missing).isEmpty)
        }
    }
}
