import ArrownetDomain
import Foundation
import Testing
@testable import PaymentJournal

@Suite("Journal: paid today, lookups due, history, recovery")
struct QueryTests {
    @Test("paid today says when and how much; not yesterday's, not held ones, not another Khalti's")
    func paidToday() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let day: TimeInterval = 24 * 3600
        try await fixture.payment("Y1", in: .paid, at: JournalFixture.morning.addingTimeInterval(-day))
        let today = try await fixture.payment("T1", in: .paid)
        try await fixture.payment("T2", in: .notPaid, at: JournalFixture.morning.addingTimeInterval(60))
        try await fixture.payment("T3", in: .paid, username: "duecustomer")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kathmandu")!
        let startOfDay = calendar.startOfDay(for: JournalFixture.morning)

        let found = try await fixture.journal.paidPayments(for: try Username("pradhanang"), in: JournalFixture.environment, since: startOfDay)
        #expect(found == [today])
        #expect(found.first?.createdAt == JournalFixture.morning)
        #expect(found.first?.amount == Money(paisa: 169_500))
        #expect(try await fixture.journal.paidPayments(for: try Username("Pradhanang"), in: "live", since: startOfDay).isEmpty)
    }

    @Test("lookups due: held, this Khalti, next lookup reached (or all with ignoringDelay), never flagged ones")
    func dueForLookup() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let soon = try await fixture.payment("D1", in: .held)  // next lookup morning + 300 s
        let flagged = try await fixture.payment("D2", in: .held, username: "duecustomer")
        _ = try await fixture.journal.recordLookup(
            flagged.reference, found: .needsAttention("amounts differ"), evidence: PaymentEvidence(note: "x"), at: JournalFixture.morning)
        try await fixture.payment("D3", in: .paid, username: "expired")
        _ = try await fixture.journal.prepare(try JournalFixture.intent("D4", username: "longname", environment: "live"))
        _ = try await fixture.journal.markSending(try PaymentReference("D4"), at: JournalFixture.morning)
        _ = try await fixture.journal.recordAnswer(
            try PaymentReference("D4"), becomes: .held, evidence: PaymentEvidence(note: "x"), transactionID: nil,
            nextLookupAt: JournalFixture.morning, at: JournalFixture.morning)

        let journal = fixture.journal
        let env = JournalFixture.environment
        #expect(try await journal.dueForLookup(in: env, at: JournalFixture.morning.addingTimeInterval(299), ignoringDelay: false).isEmpty)
        #expect(try await journal.dueForLookup(in: env, at: JournalFixture.morning.addingTimeInterval(300), ignoringDelay: false).map(\.reference) == [soon.reference])
        #expect(try await journal.dueForLookup(in: env, at: JournalFixture.morning, ignoringDelay: true).map(\.reference) == [soon.reference])
        #expect(try await journal.heldPayments().map(\.reference.value) == ["D1", "D2", "D4"])
        #expect(try await journal.heldPayments().first { $0.reference.value == "D2" }?.attention == "amounts differ")
    }

    @Test("history filters by time, customer and state, oldest first")
    func history() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("H1", in: .paid, at: JournalFixture.morning)
        try await fixture.payment("H2", in: .notPaid, username: "duecustomer", at: JournalFixture.morning.addingTimeInterval(60))
        try await fixture.payment("H3", in: .held, at: JournalFixture.morning.addingTimeInterval(120))
        let journal = fixture.journal
        #expect(try await journal.history(HistoryFilter()).map(\.reference.value) == ["H1", "H2", "H3"])
        #expect(try await journal.history(HistoryFilter(since: JournalFixture.morning.addingTimeInterval(60))).map(\.reference.value) == ["H2", "H3"])
        #expect(try await journal.history(HistoryFilter(username: try Username("PRADHANANG"))).map(\.reference.value) == ["H1", "H3"])
        #expect(try await journal.history(HistoryFilter(state: .notPaid)).map(\.reference.value) == ["H2"])
        #expect(try await journal.history(HistoryFilter(username: try Username("duecustomer"), state: .paid)).isEmpty)
    }

    @Test("recovery: prepared is abandoned, sending is held for lookup after the delay, nothing else moves")
    func recovery() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("V1", in: .prepared)
        let sending = try await fixture.payment("V2", in: .sending, username: "duecustomer")
        try await fixture.payment("V3", in: .held, username: "expired")
        try await fixture.payment("V4", in: .paid, username: "longname")
        let restart = JournalFixture.morning.addingTimeInterval(30)

        let recovered = try await fixture.journal.recoverInterruptedPayments(at: restart, lookupDelay: 300)
        #expect(recovered.map(\.before) == [.prepared, .sending])
        #expect(recovered.map(\.record.state) == [.abandoned, .held])
        #expect(recovered[1].record.nextLookupAt == sending.sentAt?.addingTimeInterval(300))
        #expect(try await fixture.journal.recoverInterruptedPayments(at: restart, lookupDelay: 300).isEmpty)
        let events = try await fixture.journal.events(of: try PaymentReference("V2"))
        #expect(events.last?.evidence.note.contains("never resent") == true)
    }

    @Test("recovery with a cutoff leaves a payment that is still being made")
    func recoveryCutoff() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("W1", in: .sending, at: JournalFixture.morning)
        try await fixture.payment("W2", in: .prepared, username: "duecustomer", at: JournalFixture.morning.addingTimeInterval(600))
        let recovered = try await fixture.journal.recoverInterruptedPayments(
            at: JournalFixture.morning.addingTimeInterval(660), lookupDelay: 300, leftBefore: JournalFixture.morning.addingTimeInterval(60))
        #expect(recovered.map(\.record.reference.value) == ["W1"])
        #expect(try await fixture.journal.payment(try PaymentReference("W2"))?.state == .prepared)
    }

    @Test("an answer after recovery held the payment still counts; one after a lookup resolved it changes nothing")
    func lateAnswer() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let reference = try PaymentReference("L1")
        try await fixture.payment("L1", in: .sending)
        _ = try await fixture.journal.recoverInterruptedPayments(at: JournalFixture.morning, lookupDelay: 300)
        let answered = try await fixture.journal.recordAnswer(
            reference, becomes: .paid, evidence: PaymentEvidence(note: "Success"), transactionID: "9", nextLookupAt: nil, at: JournalFixture.morning)
        #expect(answered.state == .paid)
        let again = try await fixture.journal.recordAnswer(
            reference, becomes: .notPaid, evidence: PaymentEvidence(note: "late"), transactionID: nil, nextLookupAt: nil, at: JournalFixture.morning)
        #expect(again == answered)
        #expect(try await fixture.journal.recordLookup(reference, found: .resolved(.notPaid, transactionID: nil), evidence: PaymentEvidence(note: "x"), at: JournalFixture.morning) == nil)
    }

    @Test("a prepared intent that recovery abandoned can no longer be marked sending")
    func abandonedIsNeverSent() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let reference = try PaymentReference("N1")
        try await fixture.payment("N1", in: .prepared)
        let other = try fixture.secondJournal()
        defer { try? other.close() }
        _ = try await other.recoverInterruptedPayments(at: JournalFixture.morning, lookupDelay: 300)
        await #expect(throws: JournalError.transitionRefused(reference: reference, from: .abandoned, to: .sending)) {
            try await fixture.journal.markSending(reference, at: JournalFixture.morning)
        }
    }
}
