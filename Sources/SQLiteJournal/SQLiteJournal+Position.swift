import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

/// The journal's own order and clock, for "paid since you looked" and the clock check.
extension SQLiteJournal {
    public func position() async throws(JournalError) -> JournalPosition {
        try await read { db in
            JournalPosition(lastEvent: try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM payment_event") ?? 0)
        }
    }

    /// Every writer of a SQLite journal runs on the machine that holds the file, so the
    /// machine's clock is the journal's.
    public func journalTime() async throws(JournalError) -> Date {
        Date()
    }

    /// The customer's paid payments the clerk did not see, oldest first.
    static func unseenPaidPayments(
        _ db: Database, username: Username, environment: String, _ unseen: UnseenPayments
    ) throws -> [PaymentRecord] {
        switch unseen {
        case .createdSince(let since):
            return try paidPayments(db, username: username, environment: environment, since: since)
        case .paidAfter(let seen):
            // Became paid after the look-up: its move to paid is a later event than the
            // last one the look-up saw (a flagged paid payment confirmed is not a new payment).
            return try JournalRows.fetchPayments(
                db,
                where: """
                    state = 'paid' AND khalti_environment = ? AND username = ? COLLATE NOCASE
                    AND payment.id IN (SELECT e.payment_id FROM payment_event e
                        WHERE e.to_state = 'paid' AND e.from_state <> 'paid' AND e.id > ?)
                    """,
                arguments: [environment, username.value, seen.lastEvent])
        }
    }
}
