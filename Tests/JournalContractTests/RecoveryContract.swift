import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: recovery touches only payments whose process is provably gone")
struct RecoveryContract {
    static let morning = JournalSamples.morning
    /// Far in the past: only liveness can make a payment stranded.
    static let longAgo = Date(timeIntervalSince1970: 0)

    @Test("a live process's payments are never moved; once it closed, prepared is abandoned and sending is held", arguments: StoreKind.available)
    func liveness(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let counter = try await fixture.another()
            try await fixture.payment("V1", in: .prepared, by: counter)
            let sending = try await fixture.payment("V2", in: .sending, username: "duecustomer", by: counter)
            try await fixture.payment("V3", in: .held, username: "expired", by: counter)
            try await fixture.payment("V4", in: .paid, username: "longname", by: counter)
            let restart = Self.morning.addingTimeInterval(30)

            #expect(try await fixture.store.recoverStranded(at: restart, lookupDelay: 300, cutoff: Self.longAgo, counter: nil).isEmpty,
                    "the counter that is sending them is alive")
            await counter.close()
            let recovered = try await fixture.store.recoverStranded(at: restart, lookupDelay: 300, cutoff: Self.longAgo, counter: nil)
            #expect(recovered.map(\.before) == [.prepared, .sending])
            #expect(recovered.map(\.record.state) == [.abandoned, .held])
            #expect(recovered[1].record.firstLookupAt == sending.sentAt?.addingTimeInterval(300))
            #expect(recovered[1].record.nextLookupAt == sending.sentAt?.addingTimeInterval(300))
            #expect(try await fixture.store.recoverStranded(at: restart, lookupDelay: 300, cutoff: Self.longAgo, counter: nil).isEmpty)
            let events = try await fixture.store.events(of: try PaymentReference("V2"))
            #expect(events.last?.evidence.note.contains("never resent") == true)
        }
    }

    @Test("a store never recovers its own payments, however old", arguments: StoreKind.available)
    func ownPayments(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            try await fixture.payment("M1", in: .sending)
            let recovered = try await fixture.store.recoverStranded(
                at: Self.morning.addingTimeInterval(3600), lookupDelay: 300, cutoff: Self.morning.addingTimeInterval(3000), counter: nil)
            #expect(recovered.isEmpty)
        }
    }

    @Test("the cutoff recovers a payment waiting since before it even if its process seems alive; a newer one stays", arguments: StoreKind.available)
    func cutoff(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let stuck = try await fixture.another()
            try await fixture.payment("W1", in: .sending, at: Self.morning, by: stuck)
            try await fixture.payment("W2", in: .prepared, username: "duecustomer", at: Self.morning.addingTimeInterval(600), by: stuck)
            let recovered = try await fixture.store.recoverStranded(
                at: Self.morning.addingTimeInterval(660), lookupDelay: 300, cutoff: Self.morning.addingTimeInterval(60), counter: nil)
            #expect(recovered.map(\.record.reference.value) == ["W1"])
            #expect(try await fixture.store.payment(try PaymentReference("W2"))?.state == .prepared)
        }
    }

    @Test("with a counter, only that counter's payments are recovered", arguments: StoreKind.available)
    func onlyThisCounter(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let gone = try await fixture.another()
            try await fixture.payment("C1", in: .sending, counter: "counter-1", by: gone)
            try await fixture.payment("C2", in: .sending, username: "duecustomer", counter: "counter-2", by: gone)
            await gone.close()
            let mine = try await fixture.store.recoverStranded(at: Self.morning, lookupDelay: 300, cutoff: Self.longAgo, counter: "counter-1")
            #expect(mine.map(\.record.reference.value) == ["C1"])
            let rest = try await fixture.store.recoverStranded(at: Self.morning, lookupDelay: 300, cutoff: Self.longAgo, counter: nil)
            #expect(rest.map(\.record.reference.value) == ["C2"])
        }
    }

    @Test("a prepared intent that recovery abandoned can no longer be marked sending", arguments: StoreKind.available)
    func abandonedIsNeverSent(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let reference = try PaymentReference("N1")
            let writer = try await fixture.another()
            try await fixture.payment("N1", in: .prepared, by: writer)
            _ = try await fixture.store.recoverStranded(at: Self.morning, lookupDelay: 300, cutoff: Self.morning.addingTimeInterval(1), counter: nil)
            await #expect(throws: JournalError.transitionRefused(reference: reference, from: .abandoned, to: .sending)) {
                try await writer.markSending(reference, at: Self.morning)
            }
        }
    }
}
