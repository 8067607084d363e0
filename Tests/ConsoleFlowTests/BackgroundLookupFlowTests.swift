import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentJournal
import Testing

/// Held payments looked up by the console itself, with the live desk, journal and
/// sandbox: nothing before Khalti's five minutes, then settled in the background; the
/// clerk reads it on the next screen and a paid one's receipt is printed.
@Suite("Console flows: held payments looked up by themselves")
struct BackgroundLookupFlowTests {
    @Test("held (Queued), then paid by the background lookup once due: the notice on the next screen, the receipt saved")
    func heldThenPaid() async throws {
        try await LiveCounter.with { counter in
            await counter.payOneMonth("queuedok")
            #expect(try await counter.state.outcome().headline == "HELD")
            let reference = try #require(try await counter.journalPayments().first?.reference)
            await counter.watchHeldPayments()
            // Within Khalti's five minutes nothing is asked.
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await counter.journal.payment(reference)?.lookupCount == 0)
            #expect(try await counter.ledger().map(\.state) == [.queued])

            counter.clock.advance(seconds: 5 * 60)
            try await counter.eventually("the payment is paid") { try await counter.journal.payment(reference)?.state == .paid }
            try await counter.eventually("the receipt is printed") {
                await counter.state.notices.waiting.map(\.text) == ["queuedok: now PAID - receipt printed"]
            }
            // The clerk is still on the result of that payment: nothing changed under them but the count.
            #expect(await counter.state.notices.shown.isEmpty)
            #expect(try await counter.state.outcome().headline == "HELD")
            #expect(await counter.state.header.heldCount == 0)
            await counter.press(.enter)
            #expect(await counter.state.notices.shown.map(\.text) == ["queuedok: now PAID - receipt printed"])
            let receipts = try FileManager.default.contentsOfDirectory(atPath: counter.receiptsFolder.path)
            #expect(receipts.count == 1 && receipts[0].hasSuffix("\(String(reference.value.suffix(10))).txt"), "\(receipts)")
        }
    }

    @Test("held (Queued), then failed: the clerk is told to give the money back; l before five minutes says when instead")
    func heldThenNotPaid() async throws {
        try await LiveCounter.with { counter in
            await counter.payOneMonth("queuedfail")
            await counter.press(.enter)
            await counter.press(.function(5))
            await counter.press(.character("l"))
            let list = try await counter.state.heldList()
            #expect(list.notice?.hasPrefix("Nothing was looked up. Khalti asks for five minutes after sending") == true, "\(list.notice ?? "")")
            #expect(try await counter.ledger().map(\.state) == [.queued])
            await counter.press(.escape)

            await counter.watchHeldPayments()
            counter.clock.advance(seconds: 5 * 60)
            try await counter.eventually("the clerk is told") {
                await counter.state.notices.shown.map(\.text) == ["queuedfail: NOT PAID - give back Rs. 1,695.00"]
            }
            #expect(try await counter.journalPayments().map(\.state) == [.notPaid])
            #expect(await counter.state.header.heldCount == 0)
            #expect(!FileManager.default.fileExists(atPath: counter.receiptsFolder.path), "no receipt for a payment not paid")
        }
    }
}
