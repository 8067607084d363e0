import ArrownetDomain
import Foundation
import GRDB
import Testing
@testable import PaymentJournal

@Suite("Journal: one open payment per customer")
struct OneOpenPaymentTests {
    @Test("a second counter on the same file is shown the open payment instead of starting one")
    func secondCounter() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let other = try fixture.secondJournal()
        defer { try? other.close() }

        let first = try await fixture.journal.prepare(try JournalFixture.intent("O1"))
        guard case .prepared(let open) = first else { Issue.record("got \(first)"); return }
        // Usernames are matched without regard to case, as Khalti matches them.
        let second = try await other.prepare(try JournalFixture.intent("O2", username: "PRADHANANG"))
        #expect(second == .blocked(by: open))
        #expect(try await other.payment(try PaymentReference("O2")) == nil)

        // Still blocked while sending and while held; free once resolved.
        _ = try await fixture.journal.markSending(open.reference, at: JournalFixture.morning)
        guard case .blocked = try await other.prepare(try JournalFixture.intent("O3")) else { Issue.record("sending must block"); return }
        _ = try await fixture.journal.recordAnswer(
            open.reference, becomes: .held, evidence: PaymentEvidence(note: "no answer"), transactionID: nil,
            nextLookupAt: JournalFixture.morning, at: JournalFixture.morning)
        guard case .blocked = try await other.prepare(try JournalFixture.intent("O4")) else { Issue.record("held must block"); return }
        _ = try await fixture.journal.recordLookup(
            open.reference, found: .resolved(.paid, transactionID: nil), evidence: PaymentEvidence(note: "paid"), at: JournalFixture.morning)
        guard case .prepared = try await other.prepare(try JournalFixture.intent("O5")) else { Issue.record("resolved must free"); return }
    }

    @Test("another customer, or the same name at another Khalti, is not blocked")
    func scope() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        _ = try await fixture.journal.prepare(try JournalFixture.intent("P1"))
        guard case .prepared = try await fixture.journal.prepare(try JournalFixture.intent("P2", username: "duecustomer")) else {
            Issue.record("another customer"); return
        }
        guard case .prepared = try await fixture.journal.prepare(try JournalFixture.intent("P3", environment: "live")) else {
            Issue.record("another Khalti"); return
        }
    }

    @Test("a double confirm racing on two connections starts exactly one payment")
    func race() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let other = try fixture.secondJournal()
        defer { try? other.close() }
        let journals = [fixture.journal, other]
        let results = await withTaskGroup(of: Preparation?.self) { group in
            for index in 0..<20 {
                group.addTask { try? await journals[index % 2].prepare(try JournalFixture.intent("R\(index)")) }
            }
            return await group.reduce(into: [Preparation?]()) { $0.append($1) }
        }
        let prepared = results.compactMap { result -> PaymentRecord? in
            if case .prepared(let record)? = result { return record }
            return nil
        }
        #expect(prepared.count == 1)
        #expect(results.allSatisfy { $0 != nil }, "every attempt gets an answer: prepared or the open one")
        #expect(try await fixture.journal.openPayments().count == 1)
    }

    @Test("the rule is a database constraint: raw SQL cannot add a second open payment")
    func constraint() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("Q1", in: .held)
        await #expect(throws: JournalError.self) {
            try await fixture.journal.write { db in
                try db.execute(sql: """
                    INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                        counter, operator, state, created_at, updated_at)
                    VALUES ('Q2', 'sandbox', 'pradhanang', 'A', 1, 169500, 'c', 'o', 'prepared', 0, 0)
                    """)
            }
        }
    }

    @Test("a reference is used once")
    func referenceOnce() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("U1", in: .paid)
        await #expect(throws: JournalError.referenceAlreadyUsed(try PaymentReference("U1"))) {
            try await fixture.journal.prepare(try JournalFixture.intent("U1", username: "duecustomer"))
        }
    }
}
