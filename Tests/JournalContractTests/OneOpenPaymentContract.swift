import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: one open payment per customer, paid today in the same transaction")
struct OneOpenPaymentContract {
    @Test("a second counter on the same journal is shown the open payment instead of starting one", arguments: StoreKind.available)
    func secondCounter(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let other = try await fixture.another()
            let first = try await fixture.store.prepare(try JournalSamples.intent("O1"), refusingIfPaidSince: nil)
            guard case .prepared(let open) = first else { Issue.record("got \(first)"); return }
            // Usernames are matched without regard to case, as Khalti matches them.
            let second = try await other.prepare(try JournalSamples.intent("O2", username: "PRADHANANG"), refusingIfPaidSince: nil)
            #expect(second == .blocked(by: open))
            #expect(try await other.payment(try PaymentReference("O2")) == nil)

            // Still blocked while sending and while held; free once resolved.
            _ = try await fixture.store.markSending(open.reference, at: JournalSamples.morning)
            guard case .blocked = try await other.prepare(try JournalSamples.intent("O3"), refusingIfPaidSince: nil) else {
                Issue.record("sending must block"); return
            }
            _ = try await fixture.store.recordAnswer(
                RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "no answer"), transactionID: nil, firstLookupAt: JournalSamples.morning),
                of: open.reference, at: JournalSamples.morning)
            guard case .blocked = try await other.prepare(try JournalSamples.intent("O4"), refusingIfPaidSince: nil) else {
                Issue.record("held must block"); return
            }
            _ = try await fixture.store.recordLookup(
                open.reference, found: .resolved(.paid, transactionID: nil), evidence: PaymentEvidence(note: "paid"), at: JournalSamples.morning)
            guard case .prepared = try await other.prepare(try JournalSamples.intent("O5"), refusingIfPaidSince: nil) else {
                Issue.record("resolved must free"); return
            }
        }
    }

    @Test("another customer, or the same name at another Khalti, is not blocked", arguments: StoreKind.available)
    func scope(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            _ = try await fixture.store.prepare(try JournalSamples.intent("P1"), refusingIfPaidSince: nil)
            guard case .prepared = try await fixture.store.prepare(try JournalSamples.intent("P2", username: "duecustomer"), refusingIfPaidSince: nil) else {
                Issue.record("another customer"); return
            }
            guard case .prepared = try await fixture.store.prepare(try JournalSamples.intent("P3", environment: "live"), refusingIfPaidSince: nil) else {
                Issue.record("another Khalti"); return
            }
        }
    }

    @Test("a double confirm racing on two stores starts exactly one payment", arguments: StoreKind.available)
    func race(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let other = try await fixture.another()
            let stores: [any JournalStore] = [fixture.store, other]
            let results = await withTaskGroup(of: Preparation?.self) { group in
                for index in 0..<20 {
                    group.addTask { try? await stores[index % 2].prepare(try JournalSamples.intent("R\(index)"), refusingIfPaidSince: nil) }
                }
                return await group.reduce(into: [Preparation?]()) { $0.append($1) }
            }
            let prepared = results.filter { if case .prepared? = $0 { true } else { false } }
            #expect(prepared.count == 1)
            #expect(results.allSatisfy { $0 != nil }, "every attempt gets an answer: prepared or the open one")
            #expect(try await fixture.store.history(HistoryFilter()).count == 1)
        }
    }

    @Test("paid since the time asked: nothing is written, and the payments are shown", arguments: StoreKind.available)
    func paidAlready(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let day: TimeInterval = 24 * 3600
            let morning = JournalSamples.morning
            try await fixture.payment("Y1", in: .paid, at: morning.addingTimeInterval(-day))
            let startOfToday = morning.addingTimeInterval(-3600)
            guard case .prepared = try await fixture.store.prepare(
                try JournalSamples.intent("A1", at: morning.addingTimeInterval(60)), refusingIfPaidSince: startOfToday)
            else { Issue.record("yesterday's payment must not count"); return }
            _ = try await fixture.store.markSending(try PaymentReference("A1"), at: morning)
            let paid = try await fixture.store.recordAnswer(
                RecordedAnswer(state: .paid, evidence: PaymentEvidence(note: "ok"), transactionID: "1", firstLookupAt: nil),
                of: try PaymentReference("A1"), at: morning)
            let again = try await fixture.store.prepare(try JournalSamples.intent("A2", at: morning.addingTimeInterval(120)), refusingIfPaidSince: startOfToday)
            #expect(again == .paidAlready([paid]))
            #expect(try await fixture.store.payment(try PaymentReference("A2")) == nil)
            // Confirmed again (no check asked): it is written.
            guard case .prepared = try await fixture.store.prepare(try JournalSamples.intent("A3"), refusingIfPaidSince: nil) else {
                Issue.record("a confirmed second payment is written"); return
            }
        }
    }

    @Test("two counters paying one customer already paid today: both refused, none written", arguments: StoreKind.available)
    func paidCheckRace(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            try await fixture.payment("Z1", in: .paid)
            let other = try await fixture.another()
            let stores: [any JournalStore] = [fixture.store, other]
            let results = await withTaskGroup(of: Preparation?.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try? await stores[index % 2].prepare(
                            try JournalSamples.intent("Z\(index + 2)"), refusingIfPaidSince: JournalSamples.morning.addingTimeInterval(-60))
                    }
                }
                return await group.reduce(into: [Preparation?]()) { $0.append($1) }
            }
            #expect(results.allSatisfy { if case .paidAlready? = $0 { true } else { false } })
            #expect(try await fixture.store.history(HistoryFilter()).count == 1)
        }
    }

    @Test("a reference is used once", arguments: StoreKind.available)
    func referenceOnce(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            try await fixture.payment("U1", in: .paid)
            await #expect(throws: JournalError.referenceAlreadyUsed(try PaymentReference("U1"))) {
                try await fixture.store.prepare(try JournalSamples.intent("U1", username: "duecustomer"), refusingIfPaidSince: nil)
            }
        }
    }
}
