import ArrownetDomain
import Foundation
import GRDB
import Testing
import PaymentJournal
@testable import SQLiteJournal

@Suite("SQLite journal: one open payment per customer is a database constraint")
struct OneOpenPaymentTests {
    @Test("the rule is a database constraint: raw SQL cannot add a second open payment")
    func constraint() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("Q1", in: .held)
        await #expect(throws: JournalError.self) {
            try await fixture.journal.write { db in
                try db.execute(sql: """
                    INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                        counter, operator, state, created_at, updated_at, shift_id)
                    VALUES ('Q2', 'sandbox', 'pradhanang', 'A', 1, 169500, 'counter-1', 'o', 'prepared', 0, 0,
                        (SELECT id FROM shift WHERE counter = 'counter-1' AND closed_at IS NULL))
                    """)
            }
        }
        // The same row for another customer is written: the index, not the shift or a trigger, refused Q2.
        try await fixture.journal.write { db in
            try db.execute(sql: """
                INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                    counter, operator, state, created_at, updated_at, shift_id)
                VALUES ('Q3', 'sandbox', 'someoneelse', 'A', 1, 169500, 'counter-1', 'o', 'prepared', 0, 0,
                    (SELECT id FROM shift WHERE counter = 'counter-1' AND closed_at IS NULL))
                """)
        }
    }
}
