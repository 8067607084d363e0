import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
@testable import PostgresJournal
import Testing

@Suite("PostgreSQL journal v3: a final row changes only by a late answer's flag or a person's re-decision, even from raw SQL")
struct PostgresLateAnswerTriggerTests {
    @Test("not paid: a flag needs a new answer; flagged, a person may make it paid; nothing else changes")
    func notPaidRow() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            try await fixture.payment("T1", in: .notPaid)
            try await fixture.payment("T2", in: .abandoned, username: "abandoned", counter: "late-2")
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for sql in [
                    "UPDATE payment SET attention = 'reopen' WHERE reference = 'T1'",
                    "UPDATE payment SET updated_at = now() WHERE reference = 'T1'",
                    "UPDATE payment SET state = 'paid', resolved_at = now() WHERE reference = 'T1'",
                    "UPDATE payment SET decided_against = 'a', attention = 'x' WHERE reference = 'T2'",
                ] {
                    try await raw.expectRefused(sql, SQLState.checkViolation)
                }
                await raw.expectAccepted("UPDATE payment SET decided_against = 'a', attention = 'Khalti says Success' WHERE reference = 'T1'")
                for sql in [
                    "UPDATE payment SET decided_against = 'a' WHERE reference = 'T1'",
                    "UPDATE payment SET transaction_id = 'other' WHERE reference = 'T1'",
                    "UPDATE payment SET lookup_count = 9 WHERE reference = 'T1'",
                    "UPDATE payment SET state = 'held' WHERE reference = 'T1'",
                    "UPDATE payment SET state = 'not_received', resolved_at = now() WHERE reference = 'T1'",
                ] {
                    try await raw.expectRefused(sql, SQLState.checkViolation)
                }
                await raw.expectAccepted("UPDATE payment SET state = 'paid', attention = NULL, resolved_at = now() WHERE reference = 'T1'")
                try await raw.expectRefused("UPDATE payment SET state = 'not_paid', resolved_at = now() WHERE reference = 'T1'", SQLState.checkViolation)
            }
            #expect(try await fixture.store.payment(try PaymentReference("T1"))?.state == .paid)
        }
    }
}
