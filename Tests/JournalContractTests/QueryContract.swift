import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: paid today, lookups due, held payments, history")
struct QueryContract {
    static let morning = JournalSamples.morning

    @Test("paid since: when and how much; not yesterday's, not held ones, not another Khalti's", arguments: StoreKind.available)
    func paidToday(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let day: TimeInterval = 24 * 3600
            try await fixture.payment("Y1", in: .paid, at: Self.morning.addingTimeInterval(-day))
            let today = try await fixture.payment("T1", in: .paid)
            try await fixture.payment("T2", in: .notPaid, at: Self.morning.addingTimeInterval(60))
            try await fixture.payment("T3", in: .paid, username: "duecustomer")
            let startOfDay = Self.morning.addingTimeInterval(-3600)
            let found = try await fixture.store.paidPayments(for: try Username("pradhanang"), in: JournalSamples.environment, since: startOfDay)
            #expect(found == [today])
            #expect(found.first?.createdAt == Self.morning)
            #expect(found.first?.amount == Money(paisa: 169_500))
            #expect(try await fixture.store.paidPayments(for: try Username("Pradhanang"), in: "live", since: startOfDay).isEmpty)
        }
    }

    @Test("lookups due: held, this Khalti, first lookup and backoff reached; never flagged ones", arguments: StoreKind.available)
    func dueForLookup(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let soon = try await fixture.payment("D1", in: .held)  // first lookup at morning + 300 s
            let flagged = try await fixture.payment("D2", in: .held, username: "duecustomer")
            _ = try await store.recordLookup(
                flagged.reference, found: .needsAttention("amounts differ"), evidence: PaymentEvidence(note: "x"), at: Self.morning)
            try await fixture.payment("D3", in: .paid, username: "expired")
            _ = try await store.prepare(try JournalSamples.intent("D4", username: "longname", environment: "live"), refusingIfPaidSince: nil)
            _ = try await store.markSending(try PaymentReference("D4"), at: Self.morning)
            _ = try await store.recordAnswer(
                RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "x"), transactionID: nil, firstLookupAt: Self.morning),
                of: try PaymentReference("D4"), at: Self.morning)

            let env = JournalSamples.environment
            #expect(try await store.dueForLookup(in: env, at: Self.morning.addingTimeInterval(299), schedule: .due).isEmpty)
            #expect(try await store.dueForLookup(in: env, at: Self.morning.addingTimeInterval(300), schedule: .due).map(\.reference) == [soon.reference])
            // "Look up now" ignores the backoff, never the first lookup (Khalti's five minutes).
            #expect(try await store.dueForLookup(in: env, at: Self.morning.addingTimeInterval(299), schedule: .pastFirstLookup).isEmpty)
            _ = try await store.recordLookup(
                soon.reference, found: .stillPending(nextLookupAt: Self.morning.addingTimeInterval(900)), evidence: PaymentEvidence(note: "q"),
                at: Self.morning.addingTimeInterval(300))
            #expect(try await store.dueForLookup(in: env, at: Self.morning.addingTimeInterval(400), schedule: .due).isEmpty)
            #expect(try await store.dueForLookup(in: env, at: Self.morning.addingTimeInterval(400), schedule: .pastFirstLookup).map(\.reference) == [soon.reference])
            #expect(try await store.dueForLookup(in: "live", at: Self.morning, schedule: .due).map(\.reference.value) == ["D4"])
            #expect(try await store.heldPayments(in: nil).map(\.reference.value) == ["D1", "D2", "D4"])
            #expect(try await store.heldPayments(in: env).map(\.reference.value) == ["D1", "D2"])
            #expect(try await store.heldPayments(in: nil).first { $0.reference.value == "D2" }?.attention == "amounts differ")
        }
    }

    @Test("history filters by time, customer, states, counter, name and attention, oldest first", arguments: StoreKind.available)
    func history(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            try await fixture.payment("H1", in: .paid, at: Self.morning)
            try await fixture.payment("H2", in: .notPaid, username: "duecustomer", counter: "counter-2", customerName: "Sita Sharma - Home",
                                      at: Self.morning.addingTimeInterval(60))
            try await fixture.payment("H3", in: .held, at: Self.morning.addingTimeInterval(120))
            try await fixture.payment("H4", in: .abandoned, username: "devanagari", counter: "counter-3", customerName: "राम बहादुर श्रेष्ठ",
                                      at: Self.morning.addingTimeInterval(180))
            let store = fixture.store
            func refs(_ filter: HistoryFilter) async throws -> [String] { try await store.history(filter).map(\.reference.value) }
            #expect(try await refs(HistoryFilter()) == ["H1", "H2", "H3", "H4"])
            #expect(try await refs(HistoryFilter(since: Self.morning.addingTimeInterval(60))) == ["H2", "H3", "H4"])
            #expect(try await refs(HistoryFilter(until: Self.morning.addingTimeInterval(120))) == ["H1", "H2"])
            #expect(try await refs(HistoryFilter(username: try Username("PRADHANANG"))) == ["H1", "H3"])
            #expect(try await refs(HistoryFilter(states: [.notPaid, .held])) == ["H2", "H3"])
            #expect(try await refs(HistoryFilter(username: try Username("duecustomer"), states: [.paid])) == [])
            #expect(try await refs(HistoryFilter(counter: "COUNTER-2")) == ["H2"])
            #expect(try await refs(HistoryFilter(nameContains: "sharma")) == ["H2"])
            #expect(try await refs(HistoryFilter(nameContains: "बहादुर")) == ["H4"])
            _ = try await store.recordLookup(
                try PaymentReference("H3"), found: .needsAttention("amounts differ"), evidence: PaymentEvidence(note: "x"), at: Self.morning)
            #expect(try await refs(HistoryFilter(needsAttention: true)) == ["H3"])
        }
    }

    @Test("every change is logged with its cause, in order, and a lookup's id only fills a missing one", arguments: StoreKind.available)
    func eventLog(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let reference = try PaymentReference("E1")
            try await fixture.payment("E1", in: .held)
            let later = Self.morning.addingTimeInterval(400)
            _ = try await fixture.store.recordLookup(
                reference, found: .resolved(.paid, transactionID: "ARN7"),
                evidence: PaymentEvidence(note: "Lookup: paid", httpStatus: 200, errorCode: nil, khaltiText: "state Success"), at: later)
            let events = try await fixture.store.events(of: reference)
            #expect(events.map(\.from) == [nil, .prepared, .sending, .held])
            #expect(events.map(\.to) == [.prepared, .sending, .held, .paid])
            #expect(events.last?.evidence == PaymentEvidence(note: "Lookup: paid", httpStatus: 200, khaltiText: "state Success"))
            #expect(events.last?.at == later)
            #expect(events.allSatisfy { $0.actor == nil })
            let record = try #require(try await fixture.store.payment(reference))
            #expect(record.lookupCount == 1)
            #expect(record.resolvedAt == later)
            #expect(record.nextLookupAt == nil)
            #expect(record.transactionID == "tx-E1")
            #expect(record.owner == fixture.store.owner)
        }
    }

    @Test("an answer after recovery held the payment still counts; one after a lookup resolved it changes nothing", arguments: StoreKind.available)
    func lateAnswer(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let reference = try PaymentReference("L1")
            try await fixture.payment("L1", in: .sending)
            let other = try await fixture.another()
            _ = try await other.recoverStranded(at: Self.morning, lookupDelay: 300, cutoff: Self.morning.addingTimeInterval(1), counter: nil)
            #expect(try await fixture.store.payment(reference)?.state == .held)
            let answered = try await fixture.store.recordAnswer(
                RecordedAnswer(state: .paid, evidence: PaymentEvidence(note: "Success"), transactionID: "9", firstLookupAt: nil),
                of: reference, at: Self.morning)
            #expect(answered.state == .paid)
            let again = try await fixture.store.recordAnswer(
                RecordedAnswer(state: .notPaid, evidence: PaymentEvidence(note: "late"), transactionID: nil, firstLookupAt: nil),
                of: reference, at: Self.morning)
            #expect(again == answered)
            #expect(try await fixture.store.recordLookup(
                reference, found: .resolved(.notPaid, transactionID: nil), evidence: PaymentEvidence(note: "x"), at: Self.morning) == nil)
        }
    }

    @Test("a refusal recorded on a held payment is kept, and its first lookup is at once", arguments: StoreKind.available)
    func refusalKept(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let reference = try PaymentReference("F1")
            try await fixture.payment("F1", in: .sending)
            let held = try await fixture.store.recordAnswer(
                RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "1016", httpStatus: 400, errorCode: "1016"), transactionID: nil,
                               firstLookupAt: Self.morning, refusedByKhalti: true),
                of: reference, at: Self.morning)
            #expect(held.refusedByKhalti)
            #expect(held.firstLookupAt == Self.morning)
            #expect(try await fixture.store.dueForLookup(in: JournalSamples.environment, at: Self.morning, schedule: .due).map(\.reference) == [reference])
        }
    }
}
