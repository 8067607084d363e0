import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

extension PostgresJournal {
    public func recordLateAnswer(
        _ reference: PaymentReference, answer: String, flag problem: String?, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord? {
        let logger = logger
        return try await write { connection in
            let current = try await Self.payment(connection, reference: reference, logger: logger)
            guard LateAnswerRule.accepts(current, answer: answer) else { return nil }
            let rows = try await connection.rows(
                """
                UPDATE payment SET attention = COALESCE(\(problem), attention), decided_against = \(answer), updated_at = \(time.stored)
                WHERE reference = \(reference.value) RETURNING id
                """,
                logger: logger)
            try await Self.appendEvent(
                connection, paymentID: try rows[0].decode(Int64.self), at: time, from: current.state, to: current.state,
                evidence: evidence, logger: logger)
            return try await Self.payment(connection, reference: reference, locking: false, logger: logger)
        }
    }
}
