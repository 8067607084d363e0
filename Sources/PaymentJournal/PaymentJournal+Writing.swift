import ArrownetDomain
import Foundation
import GRDB
import StoredDates

/// What a status lookup found, as the journal records it on a held payment. The
/// caller (the reconciler) decides; the journal keeps the counts and the log.
public enum LookupFinding: Sendable, Hashable {
    /// A final answer: `paid`, `notPaid` or `notReceived`.
    case resolved(PaymentState, transactionID: String?)
    /// Khalti knows the payment and it is still pending.
    case stillPending(nextLookupAt: Date)
    /// Khalti does not know the reference (002), not yet for long enough to decide.
    case unknownToKhalti(nextLookupAt: Date)
    /// The answer disagrees with the journal: a person must decide, so it is no
    /// longer looked up by itself.
    case needsAttention(String)
}

/// A payment that recovery moved at start.
public struct RecoveredPayment: Sendable, Hashable {
    public let before: PaymentState
    public let record: PaymentRecord
}

extension PaymentJournal {
    /// Writes the intent durably in state `prepared`, unless the customer already has
    /// an unresolved payment with this Khalti: then nothing is written and that one
    /// comes back. The check and the insert are one write transaction, and a partial
    /// unique index backs them, so two counters cannot both get `.prepared`.
    public func prepare(_ intent: PaymentIntent) async throws(JournalError) -> Preparation {
        do {
            return try await write { db in
                if let open = try Self.openPayment(db, username: intent.username, environment: intent.khaltiEnvironment) {
                    return .blocked(by: open)
                }
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment WHERE reference = ?", arguments: [intent.reference.value]) ?? 0 > 0 {
                    throw JournalError.referenceAlreadyUsed(intent.reference)
                }
                try db.execute(
                    sql: """
                        INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                            counter, operator, state, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'prepared', ?, ?)
                        """,
                    arguments: [
                        intent.reference.value, intent.khaltiEnvironment, intent.username.value, intent.customerName,
                        intent.plan.duration.months, intent.plan.amount.paisa, intent.counter, intent.operatorName,
                        intent.createdAt.stored, intent.createdAt.stored,
                    ])
                try Self.appendEvent(
                    db, paymentID: db.lastInsertedRowID, at: intent.createdAt, from: nil, to: .prepared,
                    evidence: PaymentEvidence(note: "Intent written: \(intent.plan.duration.label), \(intent.plan.amount.formatted)."))
                return .prepared(try Self.payment(db, reference: intent.reference))
            }
        } catch {
            // The index fired: another process inserted between our check and insert
            // (it cannot under IMMEDIATE transactions, but the index is the last word).
            if case .writeFailed = error, let open = try? await openPayment(for: intent.username, in: intent.khaltiEnvironment) {
                return .blocked(by: open)
            }
            throw error
        }
    }

    /// `prepared` → `sending`, written just before the request leaves. Refused when the
    /// intent is no longer prepared (recovery abandoned it), and then nothing may be sent.
    public func markSending(_ reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord {
        try await write { db in
            try Self.move(db, reference, to: .sending, at: time, evidence: PaymentEvidence(note: "Sending the payment to Khalti.")) {
                $0.sentAt = time
            }
        }
    }

    /// Records Khalti's answer to the payment (or its absence): `paid`, `held` or
    /// `notPaid`. The payment is normally `sending`; it may already be `held` when
    /// another process recovered it meanwhile, and then the answer still counts. If it
    /// was already resolved (a lookup got there first), it is returned unchanged.
    public func recordAnswer(
        _ reference: PaymentReference, becomes state: PaymentState, evidence: PaymentEvidence, transactionID: String?,
        nextLookupAt: Date?, at time: Date
    ) async throws(JournalError) -> PaymentRecord {
        try await write { db in
            let current = try Self.payment(db, reference: reference)
            if current.state.isFinal { return current }
            return try Self.move(db, reference, to: state, at: time, evidence: evidence) { fields in
                if let transactionID { fields.transactionID = transactionID }
                fields.nextLookupAt = state == .held ? nextLookupAt : nil
            }
        }
    }

    /// Records a status lookup of a held payment. Returns nil when the payment is no
    /// longer held (another counter resolved it first): nothing is written then.
    public func recordLookup(
        _ reference: PaymentReference, found finding: LookupFinding, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord? {
        try await write { db in
            guard try Self.payment(db, reference: reference).state == .held else { return nil }
            let next: PaymentState = if case .resolved(let state, _) = finding { state } else { .held }
            return try Self.move(db, reference, to: next, at: time, evidence: evidence) { fields in
                fields.lookupCount += 1
                switch finding {
                case .resolved(let state, let transactionID):
                    if state == .notReceived { fields.unknownReferenceLookups += 1 }
                    if fields.transactionID == nil, let transactionID { fields.transactionID = transactionID }
                case .stillPending(let nextLookupAt):
                    // Khalti knows it now: earlier "unknown" answers no longer count.
                    fields.unknownReferenceLookups = 0
                    fields.nextLookupAt = nextLookupAt
                case .unknownToKhalti(let nextLookupAt):
                    fields.unknownReferenceLookups += 1
                    fields.nextLookupAt = nextLookupAt
                case .needsAttention(let problem):
                    fields.attention = problem
                    fields.nextLookupAt = nil
                }
            }
        }
    }

    /// At start: a payment left `prepared` provably never left (the request is sent only
    /// after `sending` is written), so it is abandoned; one left `sending` may have
    /// been paid, so it is held and looked up no sooner than `lookupDelay` after it
    /// was sent. Nothing is ever sent again.
    ///
    /// With `leftBefore`, only payments that have been waiting since before it (a
    /// process that died while others keep running); without, all of them.
    public func recoverInterruptedPayments(
        at time: Date, lookupDelay: TimeInterval, leftBefore cutoff: Date? = nil
    ) async throws(JournalError) -> [RecoveredPayment] {
        try await write { db in
            var recovered: [RecoveredPayment] = []
            let stranded = try JournalRows.fetchPayments(
                db, where: "state IN ('prepared', 'sending') AND (? IS NULL OR COALESCE(sent_at, created_at) < ?)",
                arguments: [cutoff?.stored, cutoff?.stored])
            for payment in stranded {
                let record: PaymentRecord
                if payment.state == .prepared {
                    record = try Self.move(
                        db, payment.reference, to: .abandoned, at: time,
                        evidence: PaymentEvidence(note: "Recovered at start: the program stopped before sending; nothing left for Khalti.")
                    ) { _ in }
                } else {
                    let sent = payment.sentAt ?? payment.createdAt
                    record = try Self.move(
                        db, payment.reference, to: .held, at: time,
                        evidence: PaymentEvidence(note: "Recovered at start: the program stopped while the payment was out; it will be looked up, never resent.")
                    ) { $0.nextLookupAt = sent.addingTimeInterval(lookupDelay) }
                }
                recovered.append(RecoveredPayment(before: payment.state, record: record))
            }
            return recovered
        }
    }

    // MARK: Inside a write transaction

    /// The columns a state change may touch; the promise to the customer is not among them.
    struct MutableFields {
        var transactionID: String?
        var sentAt: Date?
        var lookupCount: Int
        var unknownReferenceLookups: Int
        var nextLookupAt: Date?
        var attention: String?
    }

    /// Checks the move against `PaymentState.canMove`, applies it with the changed
    /// fields, and appends the event, all in the caller's transaction.
    static func move(
        _ db: Database, _ reference: PaymentReference, to next: PaymentState, at time: Date, evidence: PaymentEvidence,
        _ change: (inout MutableFields) -> Void
    ) throws -> PaymentRecord {
        let current = try payment(db, reference: reference)
        guard current.state.canMove(to: next) else {
            throw JournalError.transitionRefused(reference: reference, from: current.state, to: next)
        }
        var fields = MutableFields(
            transactionID: current.transactionID, sentAt: current.sentAt, lookupCount: current.lookupCount,
            unknownReferenceLookups: current.unknownReferenceLookups, nextLookupAt: current.nextLookupAt,
            attention: current.attention)
        change(&fields)
        if next.isFinal { fields.nextLookupAt = nil }
        try db.execute(
            sql: """
                UPDATE payment SET state = ?, transaction_id = ?, sent_at = ?, updated_at = ?, resolved_at = ?,
                    lookup_count = ?, unknown_reference_lookups = ?, next_lookup_at = ?, attention = ?
                WHERE reference = ?
                """,
            arguments: [
                next.rawValue, fields.transactionID, fields.sentAt?.stored, time.stored, next.isFinal ? time.stored : nil,
                fields.lookupCount, fields.unknownReferenceLookups, fields.nextLookupAt?.stored, fields.attention,
                reference.value,
            ])
        let id = try Int64.fetchOne(db, sql: "SELECT id FROM payment WHERE reference = ?", arguments: [reference.value]) ?? 0
        try appendEvent(db, paymentID: id, at: time, from: current.state, to: next, evidence: evidence)
        return try payment(db, reference: reference)
    }

    static func appendEvent(
        _ db: Database, paymentID: Int64, at time: Date, from: PaymentState?, to: PaymentState, evidence: PaymentEvidence
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO payment_event (payment_id, at, from_state, to_state, note, http_status, error_code, khalti_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                paymentID, time.stored, from?.rawValue, to.rawValue, evidence.note, evidence.httpStatus, evidence.errorCode,
                evidence.khaltiText,
            ])
    }
}
