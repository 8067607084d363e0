import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: a person's decisions, flags on paid payments, moves the API refuses")
struct ResolutionContract {
    static let morning = JournalSamples.morning

    @Test("a held payment, flagged or not, becomes paid or not paid by a person; who and why are kept", arguments: StoreKind.available)
    func heldResolved(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            try await fixture.payment("R1", in: .held)
            let flagged = try await fixture.payment("R2", in: .held, username: "duecustomer")
            _ = try await store.recordLookup(
                flagged.reference, found: .needsAttention("amounts differ"), evidence: PaymentEvidence(note: "x"), at: Self.morning)
            let paid = try await store.resolve(
                Resolution(reference: try PaymentReference("R1"), verdict: .paid, person: "Ram", note: "Merchant portal says Success"),
                at: Self.morning.addingTimeInterval(60))
            #expect(paid.state == .paid)
            #expect(paid.resolvedAt == Self.morning.addingTimeInterval(60))
            let notPaid = try await store.resolve(
                Resolution(reference: flagged.reference, verdict: .notPaid, person: "Sita", note: "Khalti support: failed"),
                at: Self.morning.addingTimeInterval(60))
            #expect(notPaid.state == .notPaid)
            #expect(notPaid.attention == nil)
            let event = try #require(try await store.events(of: flagged.reference).last)
            #expect(event.actor == "Sita")
            #expect(event.from == .held && event.to == .notPaid)
            #expect(event.evidence.note.contains("Khalti support: failed"))
            // No longer open: the customer can pay again.
            guard case .prepared = try await store.prepare(try JournalSamples.intent("R3", username: "duecustomer"), refusingIfPaidSince: nil) else {
                Issue.record("a resolved payment must not block its customer"); return
            }
        }
    }

    @Test("a payment waiting for nobody is not resolvable, and nothing changes", arguments: StoreKind.available)
    func notResolvable(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            for (index, state) in [PaymentState.paid, .notPaid, .abandoned, .notReceived].enumerated() {
                let record = try await fixture.payment("S\(index)", in: state, username: "user\(index)")
                let events = try await fixture.store.events(of: record.reference).count
                for verdict in [Resolution.Verdict.paid, .notPaid] {
                    await #expect(throws: JournalError.notResolvable(reference: record.reference, state: state)) {
                        try await fixture.store.resolve(
                            Resolution(reference: record.reference, verdict: verdict, person: "Ram", note: "n"), at: Self.morning)
                    }
                }
                #expect(try await fixture.store.payment(record.reference) == record)
                #expect(try await fixture.store.events(of: record.reference).count == events)
            }
            await #expect(throws: JournalError.unknownReference(try PaymentReference("NOPE1"))) {
                try await fixture.store.resolve(
                    Resolution(reference: try PaymentReference("NOPE1"), verdict: .paid, person: "Ram", note: "n"), at: Self.morning)
            }
        }
    }

    @Test("a paid payment found refunded is flagged, stays paid, and a person settles it either way", arguments: StoreKind.available)
    func refundAfterPaid(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let one = try await fixture.payment("P1", in: .paid)
            let two = try await fixture.payment("P2", in: .paid, username: "duecustomer")
            let evidence = PaymentEvidence(note: "Lookup: refunded after it was paid", httpStatus: 200, khaltiText: "refunded 1695.00")
            let flagged = try #require(try await store.flagPaid(one.reference, problem: "Khalti refunded it", evidence: evidence, at: Self.morning))
            #expect(flagged.state == .paid)
            #expect(flagged.attention == "Khalti refunded it")
            #expect(try await store.flagPaid(one.reference, problem: "again", evidence: evidence, at: Self.morning) == nil, "flagged once")
            _ = try await store.flagPaid(two.reference, problem: "Khalti refunded it", evidence: evidence, at: Self.morning)
            #expect(try await store.history(HistoryFilter(needsAttention: true)).map(\.reference.value) == ["P1", "P2"])

            let back = try await store.resolve(
                Resolution(reference: one.reference, verdict: .notPaid, person: "Ram", note: "cash returned"), at: Self.morning)
            #expect(back.state == .notPaid)
            #expect(back.attention == nil)
            let kept = try await store.resolve(
                Resolution(reference: two.reference, verdict: .paid, person: "Ram", note: "refund reversed"), at: Self.morning)
            #expect(kept.state == .paid)
            #expect(kept.attention == nil)
            #expect(kept.transactionID == two.transactionID)
            #expect(try await store.history(HistoryFilter(needsAttention: true)).isEmpty)
            // Once settled it waits for nobody again.
            await #expect(throws: JournalError.notResolvable(reference: two.reference, state: .paid)) {
                try await store.resolve(Resolution(reference: two.reference, verdict: .notPaid, person: "Ram", note: "n"), at: Self.morning)
            }
            #expect(try await store.flagPaid(try PaymentReference("P1"), problem: "x", evidence: evidence, at: Self.morning) == nil, "not paid is not flagged")
        }
    }

    @Test("the API refuses moves the state machine refuses, and writes nothing", arguments: StoreKind.available)
    func refusedMoves(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            for (index, state) in PaymentState.allCases.enumerated() where state != .prepared {
                let record = try await fixture.payment("X\(index)", in: state, username: "user\(index)")
                let events = try await store.events(of: record.reference).count
                await #expect(throws: JournalError.transitionRefused(reference: record.reference, from: state, to: .sending)) {
                    try await store.markSending(record.reference, at: Self.morning)
                }
                if state != .held {
                    #expect(try await store.recordLookup(
                        record.reference, found: .resolved(.paid, transactionID: nil), evidence: PaymentEvidence(note: "x"), at: Self.morning) == nil)
                }
                if state.isFinal {
                    let unchanged = try await store.recordAnswer(
                        RecordedAnswer(state: .paid, evidence: PaymentEvidence(note: "late"), transactionID: "late", firstLookupAt: nil),
                        of: record.reference, at: Self.morning)
                    #expect(unchanged == record)
                }
                #expect(try await store.events(of: record.reference).count == events, "\(state)")
            }
        }
    }
}
