import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
@testable import SQLiteJournal
import Testing

@Suite("SQLite journal v7: a final row changes only by a late answer's flag or a person's re-decision, even from raw SQL")
struct LateAnswerTriggerTests {
    static func refused(_ fixture: JournalFixture, _ sql: String) async -> Bool {
        do {
            try await fixture.journal.write { db in try db.execute(sql: sql) }
            return false
        } catch {
            return true
        }
    }

    @Test("not paid: a flag needs a new answer; flagged, a person may make it paid; nothing else changes")
    func notPaidRow() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("T1", in: .notPaid)
        try await fixture.payment("T2", in: .abandoned, username: "abandoned")
        for sql in [
            "UPDATE payment SET attention = 'reopen' WHERE reference = 'T1'",
            "UPDATE payment SET updated_at = '2030-01-01 00:00:00.000' WHERE reference = 'T1'",
            "UPDATE payment SET state = 'paid', resolved_at = '2030-01-01 00:00:00.000' WHERE reference = 'T1'",
            "UPDATE payment SET decided_against = 'a', attention = 'x' WHERE reference = 'T2'",
        ] {
            #expect(await Self.refused(fixture, sql), "\(sql)")
        }
        #expect(await Self.refused(fixture, "UPDATE payment SET decided_against = 'a', attention = 'Khalti says Success' WHERE reference = 'T1'") == false)
        #expect(await Self.refused(fixture, "UPDATE payment SET decided_against = 'a' WHERE reference = 'T1'"), "the same answer again")
        for sql in [
            "UPDATE payment SET transaction_id = 'other' WHERE reference = 'T1'",
            "UPDATE payment SET lookup_count = 9 WHERE reference = 'T1'",
            "UPDATE payment SET state = 'held' WHERE reference = 'T1'",
            "UPDATE payment SET state = 'not_received', resolved_at = '2030-01-01 00:00:00.000' WHERE reference = 'T1'",
        ] {
            #expect(await Self.refused(fixture, sql), "\(sql)")
        }
        #expect(await Self.refused(
            fixture, "UPDATE payment SET state = 'paid', attention = NULL, resolved_at = '2030-01-01 00:00:00.000' WHERE reference = 'T1'") == false)
        #expect(try await fixture.journal.payment(try PaymentReference("T1"))?.state == .paid)
        #expect(await Self.refused(fixture, "UPDATE payment SET state = 'not_paid', resolved_at = '2030-01-02 00:00:00.000' WHERE reference = 'T1'"),
                "a person's decision settles it: unflagged, it stays")
    }
}
