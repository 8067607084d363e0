import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

extension SQLiteJournal {
    public func recordLateAnswer(
        _ reference: PaymentReference, answer: String, flag problem: String?, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord? {
        try await write { db in
            let current = try Self.payment(db, reference: reference)
            guard LateAnswerRule.accepts(current, answer: answer) else { return nil }
            try db.execute(
                sql: "UPDATE payment SET attention = COALESCE(?, attention), decided_against = ?, updated_at = ? WHERE reference = ?",
                arguments: [problem, answer, time.stored, reference.value])
            try Self.appendEvent(db, paymentID: try Self.id(db, reference), at: time, from: current.state, to: current.state, evidence: evidence)
            return try Self.payment(db, reference: reference)
        }
    }
}
