import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: Khalti's late answers about final payments are recorded, flag them, and a person re-decides")
struct LateAnswerContract {
    static let morning = JournalSamples.morning
    static let later = JournalSamples.morning.addingTimeInterval(600)

    @Test("a contradicting answer flags a not paid payment (state kept, one event); a person then decides it paid", arguments: StoreKind.available)
    func notPaidFlaggedThenPaid(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let record = try await fixture.payment("L1", in: .notPaid)
            let events = try await store.events(of: record.reference).count
            let evidence = PaymentEvidence(note: "Lookup contradicts the journal", httpStatus: 200, khaltiText: "state Completed")
            let flagged = try #require(try await store.recordLateAnswer(
                record.reference, answer: "state Completed, amount 1695.00", flag: "recorded NOT PAID; Khalti says Success",
                evidence: evidence, at: Self.later))
            #expect(flagged.state == .notPaid)
            #expect(flagged.resolvedAt == record.resolvedAt, "the state does not move by itself")
            #expect(flagged.attention == "recorded NOT PAID; Khalti says Success")
            #expect(flagged.decidedAgainst == "state Completed, amount 1695.00")
            let event = try #require(try await store.events(of: record.reference).last)
            #expect(try await store.events(of: record.reference).count == events + 1)
            #expect(event.from == .notPaid && event.to == .notPaid && event.evidence == evidence && event.actor == nil)
            #expect(try await store.history(HistoryFilter(needsAttention: true)).map(\.reference) == [record.reference])
            #expect(try await store.recordLateAnswer(
                record.reference, answer: "state Pending", flag: "again", evidence: evidence, at: Self.later) == nil, "flagged once")

            let paid = try await store.resolve(
                Resolution(reference: record.reference, verdict: .paid, person: "Ram", note: "portal says Success"), at: Self.later)
            #expect(paid.state == .paid)
            #expect(paid.attention == nil)
            #expect(paid.resolvedAt == Self.later)
            #expect(paid.decidedAgainst == "state Completed, amount 1695.00", "the decision stands against the answer it was made against")
            #expect(try await store.events(of: record.reference).last?.actor == "Ram")
            await #expect(throws: JournalError.notResolvable(reference: record.reference, state: .paid)) {
                try await store.resolve(Resolution(reference: record.reference, verdict: .notPaid, person: "Ram", note: "n"), at: Self.later)
            }
        }
    }

    @Test("a flagged not received payment a person finds not paid keeps its state; its flag goes", arguments: StoreKind.available)
    func notReceivedConfirmed(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let record = try await fixture.payment("L2", in: .notReceived)
            _ = try #require(try await fixture.store.recordLateAnswer(
                record.reference, answer: "state Pending", flag: "Khalti says pending", evidence: PaymentEvidence(note: "x"), at: Self.later))
            let kept = try await fixture.store.resolve(
                Resolution(reference: record.reference, verdict: .notPaid, person: "Sita", note: "Khalti support: failed"), at: Self.later)
            #expect(kept.state == .notReceived)
            #expect(kept.attention == nil)
            #expect(kept.resolvedAt == record.resolvedAt)
            #expect(kept.decidedAgainst == "state Pending")
            #expect(try await fixture.store.history(HistoryFilter(needsAttention: true)).isEmpty)
        }
    }

    @Test("an agreeing answer is noted once, without a flag; the same answer again writes nothing", arguments: StoreKind.available)
    func agreeingAnswerNoted(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let record = try await fixture.payment("L3", in: .notReceived)
            let noted = try #require(try await store.recordLateAnswer(
                record.reference, answer: "invalid_reference", flag: nil, evidence: PaymentEvidence(note: "agrees"), at: Self.later))
            #expect(noted.state == .notReceived && noted.attention == nil && noted.decidedAgainst == "invalid_reference")
            let events = try await store.events(of: record.reference).count
            #expect(try await store.recordLateAnswer(
                record.reference, answer: "invalid_reference", flag: "same", evidence: PaymentEvidence(note: "same"), at: Self.later) == nil)
            #expect(try await store.events(of: record.reference).count == events)
            #expect(try await store.payment(record.reference)?.attention == nil)
        }
    }

    @Test("no late answer on a held, sending or abandoned payment; no re-decision on an unflagged final one", arguments: StoreKind.available)
    func lateAnswerRefused(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            for (index, state) in [PaymentState.held, .sending, .abandoned].enumerated() {
                let record = try await fixture.payment("N\(index)", in: state, username: "user\(index)", counter: "late-\(index)")
                #expect(try await store.recordLateAnswer(
                    record.reference, answer: "a", flag: "b", evidence: PaymentEvidence(note: "x"), at: Self.later) == nil, "\(state)")
                #expect(try await store.payment(record.reference) == record)
            }
            let notPaid = try await fixture.payment("N9", in: .notPaid, username: "user9")
            await #expect(throws: JournalError.notResolvable(reference: notPaid.reference, state: .notPaid)) {
                try await store.resolve(Resolution(reference: notPaid.reference, verdict: .paid, person: "Ram", note: "n"), at: Self.later)
            }
        }
    }

    @Test("a held payment's flag keeps the answer it was flagged for, and the decision keeps it", arguments: StoreKind.available)
    func heldFlagKeepsAnswer(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let record = try await fixture.payment("L4", in: .held)
            let flagged = try #require(try await store.recordLookup(
                record.reference, found: .needsAttention("amounts differ", answer: "state Completed, amount 90.00"),
                evidence: PaymentEvidence(note: "x"), at: Self.morning))
            #expect(flagged.decidedAgainst == "state Completed, amount 90.00")
            let paid = try await store.resolve(
                Resolution(reference: record.reference, verdict: .paid, person: "Ram", note: "took it"), at: Self.later)
            #expect(paid.decidedAgainst == "state Completed, amount 90.00")
        }
    }
}
