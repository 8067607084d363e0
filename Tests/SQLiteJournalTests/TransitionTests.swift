import ArrownetDomain
import Foundation
import GRDB
import Testing
import PaymentJournal
@testable import SQLiteJournal

@Suite("SQLite journal: only allowed state changes, in code and in SQL")
struct TransitionTests {
    static let pairs: [(PaymentState, PaymentState)] = PaymentState.allCases.flatMap { from in
        PaymentState.allCases.map { to in (from, to) }
    }

    /// Moves allowed for a payment that is not flagged for a person: a final payment's
    /// moves (`paid>not_paid`, `not_paid>paid`, `not_received>paid`) need the flag.
    static func allowedUnflagged(_ from: PaymentState, _ to: PaymentState) -> Bool {
        from.canMove(to: to) && from.isOpen
    }

    @Test("the journal's code refuses every move PaymentState.canMove refuses, and makes every one it allows")
    func everyPairThroughCode() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        for (index, (from, to)) in Self.pairs.enumerated() {
            let reference = try PaymentReference("C\(index)")
            try await fixture.payment(reference.value, in: from, username: "user\(index)")
            let eventsBefore = try await fixture.journal.events(of: reference).count
            let moved = await Self.move(fixture.journal, reference, to: to)
            let after = try #require(try await fixture.journal.payment(reference))
            let eventsAfter = try await fixture.journal.events(of: reference).count
            if Self.allowedUnflagged(from, to) {
                #expect(after.state == to, "\(from) -> \(to) should be allowed")
                #expect(eventsAfter == eventsBefore + 1, "\(from) -> \(to) appends one event")
            } else {
                #expect(moved == .failure(.transitionRefused(reference: reference, from: from, to: to)), "\(from) -> \(to)")
                #expect(after.state == from, "\(from) -> \(to) leaves the payment as it was")
                #expect(eventsAfter == eventsBefore, "\(from) -> \(to) writes no event")
            }
        }
    }

    static func move(_ journal: SQLiteJournal, _ reference: PaymentReference, to: PaymentState) async -> Result<PaymentRecord, JournalError> {
        do {
            return .success(try await journal.write { db in
                try SQLiteJournal.move(db, reference, to: to, at: JournalFixture.morning, evidence: PaymentEvidence(note: "try")) { _ in }
            })
        } catch {
            return .failure(error)
        }
    }

    @Test("the database itself refuses the same moves, even from raw SQL")
    func everyPairThroughSQL() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        for (index, (from, to)) in Self.pairs.enumerated() {
            let reference = "S\(index)"
            try await fixture.payment(reference, in: from, username: "user\(index)")
            let refused: Bool = await {
                do {
                    try await fixture.journal.write { db in
                        try db.execute(sql: "UPDATE payment SET state = ? WHERE reference = ?", arguments: [to.rawValue, reference])
                    }
                    return false
                } catch {
                    return true
                }
            }()
            #expect(refused == !Self.allowedUnflagged(from, to), "\(from) -> \(to): SQL and PaymentState.canMove must agree")
        }
    }

    @Test("a flagged paid payment may become not paid, in code and in SQL, and nothing else about it changes")
    func flaggedPaid() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let evidence = PaymentEvidence(note: "refunded")
        let one = try await fixture.payment("G1", in: .paid)
        _ = try await fixture.journal.flagPaid(one.reference, problem: "refunded", evidence: evidence, at: JournalFixture.morning)
        #expect(await Self.move(fixture.journal, one.reference, to: .notPaid).map(\.state) == .success(.notPaid))
        let two = try await fixture.payment("G2", in: .paid, username: "duecustomer")
        _ = try await fixture.journal.flagPaid(two.reference, problem: "refunded", evidence: evidence, at: JournalFixture.morning)
        for sql in [
            "UPDATE payment SET transaction_id = 'other' WHERE reference = 'G2'",
            "UPDATE payment SET state = 'held' WHERE reference = 'G2'",
            "UPDATE payment SET lookup_count = 9 WHERE reference = 'G2'",
        ] {
            await #expect(throws: JournalError.self, "\(sql)") {
                try await fixture.journal.write { db in try db.execute(sql: sql) }
            }
        }
        try await fixture.journal.write { db in
            try db.execute(sql: "UPDATE payment SET state = 'not_paid', resolved_at = updated_at, attention = NULL WHERE reference = 'G2'")
        }
        #expect(try await fixture.journal.payment(two.reference)?.state == .notPaid)
    }

    @Test("a payment is inserted only as prepared; payments and events are never deleted or rewritten")
    func appendOnly() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("A1", in: .paid)
        try await fixture.payment("A2", in: .held, username: "duecustomer")
        let attempts = [
            """
            INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa, counter,
                operator, state, created_at, updated_at) VALUES ('X1', 'sandbox', 'x', 'X', 1, 100, 'c', 'o', 'paid', 0, 0)
            """,
            "DELETE FROM payment WHERE reference = 'A1'",
            "UPDATE payment SET transaction_id = 'other' WHERE reference = 'A1'",
            // When it settled decides which shift counts it.
            "UPDATE payment SET resolved_at = NULL WHERE reference = 'A1'",
            "UPDATE payment SET resolved_at = '2030-01-01 00:00:00.000' WHERE reference = 'A1'",
            "UPDATE payment SET amount_paisa = 1 WHERE reference = 'A2'",
            "UPDATE payment SET username = 'someoneelse' WHERE reference = 'A2'",
            "UPDATE payment_event SET note = 'rewritten'",
            "DELETE FROM payment_event",
        ]
        for sql in attempts {
            await #expect(throws: JournalError.self, "\(sql)") {
                try await fixture.journal.write { db in try db.execute(sql: sql) }
            }
        }
        let paid = try #require(try await fixture.journal.payment(try PaymentReference("A1")))
        #expect(paid.state == .paid)
        #expect(paid.transactionID == "tx-A1")
        #expect(try await fixture.journal.events(of: try PaymentReference("A1")).count == 3)
    }

    @Test("the SQL list of open states is PaymentState.isOpen")
    func openStatesAgree() async throws {
        let open = PaymentState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        #expect(JournalSchema.openStatesSQL == "(\(open))")
    }

    @Test("server text is capped so a huge answer cannot swell the journal")
    func evidenceIsCapped() {
        let evidence = PaymentEvidence(note: "n", khaltiText: String(repeating: "x", count: 10_000))
        #expect(evidence.khaltiText?.count == PaymentEvidence.maximumTextLength + 1)
    }
}
