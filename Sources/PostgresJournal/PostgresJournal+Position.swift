import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

/// The journal's own order and clock, for "paid since you looked" and the clock check.
extension PostgresJournal {
    public func position() async throws(JournalError) -> JournalPosition {
        let logger = logger
        return try await read { connection in
            let rows = try await connection.rows("SELECT COALESCE(MAX(id), 0)::BIGINT FROM payment_event", logger: logger)
            return JournalPosition(lastEvent: try rows.first?.decode(Int64.self) ?? 0)
        }
    }

    /// The database server's clock, which every counter on the shared journal shares.
    public func journalTime() async throws(JournalError) -> Date {
        let logger = logger
        return try await read { connection in
            let rows = try await connection.rows("SELECT clock_timestamp()", logger: logger)
            guard let time = try rows.first?.decode(Date.self) else { throw JournalError.readFailed("the server did not say its time") }
            return time
        }
    }

    /// The customer's paid payments the clerk did not see, oldest first.
    static func unseenPaidPayments(
        _ connection: PostgresConnection, username: Username, environment: String, _ unseen: UnseenPayments, logger: Logger
    ) async throws -> [PaymentRecord] {
        switch unseen {
        case .createdSince(let since):
            return try await paidPayments(connection, username: username, environment: environment, since: since, logger: logger)
        case .paidAfter(let seen):
            // Became paid after the look-up: its move to paid is a later event than the
            // last one the look-up saw (a flagged paid payment confirmed is not a new payment).
            var statement = SQLStatement()
            return try await connection.payments(
                where: """
                    state = 'paid' AND khalti_environment = \(statement.bind(environment))
                    AND lower(username) = lower(\(statement.bind(username.value)))
                    AND payment.id IN (SELECT e.payment_id FROM payment_event e
                        WHERE e.to_state = 'paid' AND e.from_state <> 'paid' AND e.id > \(statement.bind(seen.lastEvent)))
                    """,
                statement, logger: logger)
        }
    }
}
