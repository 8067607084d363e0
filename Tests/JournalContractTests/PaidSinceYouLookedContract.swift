import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

/// "Paid since you looked" (issue 20, finding 2) is decided by the journal's own order:
/// a payment that became paid after the position taken at the look-up stops the next
/// one, whatever time the counters' clocks wrote on it.
@Suite("Journal contract: paid since you looked, by the journal's position")
struct PaidSinceYouLookedContract {
    @Test("a payment paid after the look-up's position stops the next, though its counter's clock wrote it hours earlier", arguments: StoreKind.available)
    func paidAfterPosition(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let other = try await fixture.another()
            let looked = try await fixture.store.position()
            // The other counter's clock is two hours behind the look-up's.
            try await fixture.payment("S1", in: .paid, at: Date().addingTimeInterval(-7200), by: other)
            #expect(try await other.position() > looked, "every writer moves the one position")

            let stopped = try await fixture.store.prepare(try JournalSamples.intent("S2", at: Date()), refusing: .paidAfter(looked))
            guard case .paidAlready(let paid) = stopped else { Issue.record("got \(stopped)"); return }
            #expect(paid.map(\.reference.value) == ["S1"])
            #expect(try await fixture.store.payment(try PaymentReference("S2")) == nil, "nothing written")

            // Looked up again (the clerk was shown S1): the next payment goes ahead.
            let shown = try await fixture.store.position()
            guard case .prepared = try await fixture.store.prepare(try JournalSamples.intent("S3"), refusing: .paidAfter(shown)) else {
                Issue.record("a payment the clerk saw must not stop the next"); return
            }
        }
    }

    @Test("a payment open at the look-up and paid after it stops the next; one settled not paid does not", arguments: StoreKind.available)
    func settledAfterPosition(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let held = try await fixture.payment("S4", in: .held)
            let refused = try await fixture.payment("S5", in: .held, username: "duecustomer")
            let looked = try await fixture.store.position()
            _ = try await fixture.store.recordLookup(
                held.reference, found: .resolved(.paid, transactionID: nil), evidence: PaymentEvidence(note: "paid"), at: JournalSamples.morning)
            _ = try await fixture.store.recordLookup(
                refused.reference, found: .resolved(.notPaid, transactionID: nil), evidence: PaymentEvidence(note: "not paid"),
                at: JournalSamples.morning)

            guard case .paidAlready = try await fixture.store.prepare(try JournalSamples.intent("S6"), refusing: .paidAfter(looked)) else {
                Issue.record("paid after the look-up must stop it"); return
            }
            let other = try JournalSamples.intent("S7", username: "duecustomer")
            guard case .prepared = try await fixture.store.prepare(other, refusing: .paidAfter(looked)) else {
                Issue.record("a payment settled not paid stops nothing"); return
            }
        }
    }

    @Test("the journal's clock: the server's on the shared journal, the machine's on SQLite", arguments: StoreKind.available)
    func journalTime(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let time = try await fixture.store.journalTime()
            // The test server runs on this machine: the same clock, give or take a moment.
            #expect(abs(time.timeIntervalSinceNow) < 5, "\(time)")
        }
    }
}
