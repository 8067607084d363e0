import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

extension PostgresJournal {
    public func prepare(_ intent: PaymentIntent, refusing unseen: UnseenPayments?) async throws(JournalError) -> Preparation {
        let (owner, logger) = (owner, logger)
        do {
            return try await write { connection in
                // Counters paying one customer queue here, so the second sees the first's
                // intent (or payment) and neither check can be interleaved with the insert.
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtextextended(\(Self.customerLockName(intent)), 0))", logger: logger)
                // The open shift, locked against closing until this intent is in.
                let shiftRows = try await connection.rows(
                    "SELECT id FROM shift WHERE counter = \(intent.counter) AND closed_at IS NULL FOR SHARE", logger: logger)
                guard let shiftID = try shiftRows.first?.decode(Int64.self) else { return .noOpenShift }
                if let open = try await Self.openPayment(connection, username: intent.username, environment: intent.khaltiEnvironment, logger: logger) {
                    return .blocked(by: open)
                }
                if let unseen {
                    let paid = try await Self.unseenPaidPayments(
                        connection, username: intent.username, environment: intent.khaltiEnvironment, unseen, logger: logger)
                    if !paid.isEmpty { return .paidAlready(paid) }
                }
                let used = try await connection.rows("SELECT 1 FROM payment WHERE reference = \(intent.reference.value)", logger: logger)
                if !used.isEmpty { throw JournalError.referenceAlreadyUsed(intent.reference) }
                let inserted = try await connection.rows(
                    """
                    INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                        counter, operator, state, created_at, updated_at, owner, shift_id, khalti_account)
                    VALUES (\(intent.reference.value), \(intent.khaltiEnvironment), \(intent.username.value), \(intent.customerName),
                        \(intent.plan.duration.months), \(intent.plan.amount.paisa), \(intent.counter), \(intent.operatorName),
                        'prepared', \(intent.createdAt.stored), \(intent.createdAt.stored), \(owner), \(shiftID),
                        \(intent.khaltiAccount))
                    RETURNING id
                    """,
                    logger: logger)
                try await Self.appendEvent(
                    connection, paymentID: try inserted[0].decode(Int64.self), at: intent.createdAt, from: nil, to: .prepared,
                    evidence: PaymentEvidence(note: "Intent written: \(intent.plan.duration.label), \(intent.plan.amount.formatted)."),
                    logger: logger)
                return .prepared(try await Self.payment(connection, reference: intent.reference, logger: logger))
            }
        } catch {
            // The unique index is the last word: should a row slip past the check, the
            // insert fails and the open payment is shown.
            if case .writeFailed = error, let open = try? await openPayment(for: intent.username, in: intent.khaltiEnvironment) {
                return .blocked(by: open)
            }
            throw error
        }
    }

    public func markSending(_ reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord {
        let logger = logger
        return try await write { connection in
            try await Self.move(connection, reference, to: .sending, at: time, evidence: PaymentEvidence(note: "Sending the payment to Khalti."), logger: logger) {
                $0.sentAt = time
            }
        }
    }

    public func recordAnswer(_ answer: RecordedAnswer, of reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord {
        let logger = logger
        return try await write { connection in
            let current = try await Self.payment(connection, reference: reference, logger: logger)
            if current.state.isFinal { return current }
            return try await Self.move(connection, reference, to: answer.state, at: time, evidence: answer.evidence, logger: logger) {
                $0.apply(answer)
            }
        }
    }

    public func recordLookup(
        _ reference: PaymentReference, found finding: LookupFinding, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord? {
        let logger = logger
        return try await write { connection in
            guard try await Self.payment(connection, reference: reference, logger: logger).state == .held else { return nil }
            let next: PaymentState = if case .resolved(let state, _) = finding { state } else { .held }
            return try await Self.move(connection, reference, to: next, at: time, evidence: evidence, logger: logger) { fields in
                fields.apply(finding)
            }
        }
    }

    public func flagPaid(_ reference: PaymentReference, problem: String, evidence: PaymentEvidence, at time: Date) async throws(JournalError) -> PaymentRecord? {
        let logger = logger
        return try await write { connection in
            let current = try await Self.payment(connection, reference: reference, logger: logger)
            guard current.state == .paid, current.attention == nil else { return nil }
            let rows = try await connection.rows(
                "UPDATE payment SET attention = \(problem), updated_at = \(time.stored) WHERE reference = \(reference.value) RETURNING id",
                logger: logger)
            try await Self.appendEvent(connection, paymentID: try rows[0].decode(Int64.self), at: time, from: .paid, to: .paid, evidence: evidence, logger: logger)
            return try await Self.payment(connection, reference: reference, locking: false, logger: logger)
        }
    }

    public func resolve(_ resolution: Resolution, at time: Date) async throws(JournalError) -> PaymentRecord {
        let logger = logger
        return try await write { connection in
            let reference = resolution.reference
            let current = try await Self.payment(connection, reference: reference, logger: logger)
            let evidence = PaymentEvidence(note: "Decided by \(resolution.person): \(resolution.note)")
            switch (current.state, resolution.verdict) {
            case (.held, .paid), (.held, .notPaid):
                return try await Self.move(
                    connection, reference, to: resolution.verdict == .paid ? .paid : .notPaid, at: time, evidence: evidence,
                    actor: resolution.person, logger: logger
                ) { $0.attention = nil }
            case (.paid, .notPaid) where current.attention != nil:
                return try await Self.move(
                    connection, reference, to: .notPaid, at: time, evidence: evidence, actor: resolution.person, logger: logger
                ) { $0.attention = nil }
            case (.notPaid, .paid) where current.attention != nil, (.notReceived, .paid) where current.attention != nil:
                // Khalti's later answer said paid, and the person agrees.
                return try await Self.move(
                    connection, reference, to: .paid, at: time, evidence: evidence, actor: resolution.person, logger: logger
                ) { $0.attention = nil }
            case (.paid, .paid) where current.attention != nil, (.notPaid, .notPaid) where current.attention != nil,
                 (.notReceived, .notPaid) where current.attention != nil:
                // Confirmed as it is after all: the flag goes, the state stays.
                let rows = try await connection.rows(
                    "UPDATE payment SET attention = NULL, updated_at = \(time.stored) WHERE reference = \(reference.value) RETURNING id",
                    logger: logger)
                try await Self.appendEvent(
                    connection, paymentID: try rows[0].decode(Int64.self), at: time, from: current.state, to: current.state,
                    evidence: evidence, actor: resolution.person, logger: logger)
                return try await Self.payment(connection, reference: reference, locking: false, logger: logger)
            default:
                throw JournalError.notResolvable(reference: reference, state: current.state)
            }
        }
    }

    public func recordReceiptPrinting(_ printing: ReceiptPrinting, of reference: PaymentReference) async throws(JournalError) {
        let logger = logger
        try await write { connection in
            let rows = try await connection.rows(
                """
                INSERT INTO receipt_printing (payment_id, at, reprint, new_expiry, destination)
                SELECT id, \(printing.at.stored), \(printing.isReprint), \(printing.newExpiry?.stored), \(printing.destination)
                FROM payment WHERE reference = \(reference.value) RETURNING id
                """,
                logger: logger)
            if rows.isEmpty { throw JournalError.unknownReference(reference) }
        }
    }

    public func recoverStranded(
        at time: Date, lookupDelay: TimeInterval, cutoff: Date, counter: String?
    ) async throws(JournalError) -> [RecoveredPayment] {
        let (me, logger) = (owner, logger)
        return try await write { connection in
            var statement = SQLStatement()
            var condition = "state IN ('prepared', 'sending') AND owner IS DISTINCT FROM \(statement.bind(me))"
            if let counter { condition += " AND counter = \(statement.bind(counter))" }
            // Locked, skipping rows another transaction holds: their owner is at work on them.
            let candidates = try await connection.payments(where: condition, statement, lock: "FOR UPDATE SKIP LOCKED", logger: logger)
            var recovered: [RecoveredPayment] = []
            for payment in candidates {
                guard try await Self.isStranded(payment, cutoff: cutoff, connection, logger: logger) else { continue }
                guard let recovery = RecoveryMove(for: payment, lookupDelay: lookupDelay) else { continue }
                let record = try await Self.move(
                    connection, payment.reference, to: recovery.to, at: time, evidence: recovery.evidence, logger: logger, recovery.change)
                recovered.append(RecoveredPayment(before: payment.state, record: record))
            }
            return recovered
        }
    }

    public func claimLookups(
        in environment: String, account: String, at time: Date, schedule: LookupSchedule, claimUntil: Date
    ) async throws(JournalError) -> [PaymentRecord] {
        let (owner, logger) = (owner, logger)
        return try await write { connection in
            var statement = SQLStatement()
            let due = Self.dueCondition(&statement, environment: environment, at: time, schedule: schedule)
            let own = "(khalti_account IS NULL OR khalti_account = \(statement.bind(account)))"
            let free = "(lookup_claimed_by IS NULL OR lookup_claimed_by = \(statement.bind(owner)) OR lookup_claimed_until <= \(statement.bind(time.stored)))"
            // SKIP LOCKED: a payment another counter is claiming or settling right now is
            // its; the claim columns keep it theirs after that transaction ends.
            let claimed = try await connection.payments(
                where: "\(due) AND \(own) AND \(free)", statement, order: "next_lookup_at, id", lock: "FOR UPDATE SKIP LOCKED", logger: logger)
            guard !claimed.isEmpty else { return [] }
            var update = SQLStatement()
            let references = claimed.map { update.bind($0.reference.value) }.joined(separator: ", ")
            // The text first: its binds must be in `update` before the query is made from it.
            // A payment from before accounts becomes this account's as it is claimed.
            let sql = """
                UPDATE payment SET lookup_claimed_by = \(update.bind(owner)), lookup_claimed_until = \(update.bind(claimUntil.stored)),
                    khalti_account = coalesce(khalti_account, \(update.bind(account)))
                WHERE reference IN (\(references))
                """
            try await connection.query(update.query(sql), logger: logger)
            return claimed.map { $0.claimed(by: account) }
        }
    }

    public func releaseClaims(_ references: [PaymentReference]) async throws(JournalError) {
        guard !references.isEmpty else { return }
        let (owner, logger) = (owner, logger)
        try await write { connection in
            var statement = SQLStatement()
            let list = references.map { statement.bind($0.value) }.joined(separator: ", ")
            let sql = """
                UPDATE payment SET lookup_claimed_by = NULL, lookup_claimed_until = NULL
                WHERE lookup_claimed_by = \(statement.bind(owner)) AND reference IN (\(list))
                """
            try await connection.query(statement.query(sql), logger: logger)
        }
    }

    // MARK: Inside a write transaction

    static func customerLockName(_ intent: PaymentIntent) -> String {
        "arrownet customer \(intent.khaltiEnvironment)/\(intent.username.value.lowercased())"
    }

    /// Whether the payment's process is provably gone: it waited past the cutoff, or its
    /// owner's liveness lock is free (taken here for this transaction only, to look).
    static func isStranded(_ payment: PaymentRecord, cutoff: Date, _ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        if (payment.sentAt ?? payment.createdAt) < cutoff { return true }
        guard let owner = payment.owner else { return false }
        let rows = try await connection.rows(
            "SELECT pg_try_advisory_xact_lock(hashtextextended(\(ownerLockName(owner)), 0))", logger: logger)
        return try rows.first?.decode(Bool.self) ?? false
    }

    /// Checks the move against `PaymentState.canMove`, applies it with the changed
    /// fields, and appends the event, in the caller's transaction. A move to a final state
    /// takes the counter's till lock shared, so it is never half-counted by a closing shift.
    static func move(
        _ connection: PostgresConnection, _ reference: PaymentReference, to next: PaymentState, at time: Date,
        evidence: PaymentEvidence, actor: String? = nil, logger: Logger, _ change: (inout PaymentChangeFields) -> Void
    ) async throws -> PaymentRecord {
        let current = try await payment(connection, reference: reference, logger: logger)
        // A final payment moves only while flagged for a person (the person's decision).
        guard current.state.canMove(to: next), current.state.isOpen || current.attention != nil else {
            throw JournalError.transitionRefused(reference: reference, from: current.state, to: next)
        }
        if next.isFinal {
            try await connection.query(
                "SELECT pg_advisory_xact_lock_shared(hashtextextended(\(tillLockName(current.counter)), 0))", logger: logger)
        }
        var fields = PaymentChangeFields(current)
        change(&fields)
        if next.isFinal { fields.nextLookupAt = nil }
        let rows = try await connection.rows(
            """
            UPDATE payment SET state = \(next.rawValue), transaction_id = \(fields.transactionID), sent_at = \(fields.sentAt?.stored),
                updated_at = \(time.stored), resolved_at = \(next.isFinal ? time.stored : nil),
                lookup_count = \(fields.lookupCount), unknown_reference_lookups = \(fields.unknownReferenceLookups),
                next_lookup_at = \(fields.nextLookupAt?.stored), first_lookup_at = \(fields.firstLookupAt?.stored),
                refused_by_khalti = \(fields.refusedByKhalti), attention = \(fields.attention),
                decided_against = \(fields.decidedAgainst), lookup_claimed_by = NULL, lookup_claimed_until = NULL
            WHERE reference = \(reference.value) RETURNING id
            """,
            logger: logger)
        try await appendEvent(
            connection, paymentID: try rows[0].decode(Int64.self), at: time, from: current.state, to: next, evidence: evidence, actor: actor,
            logger: logger)
        return try await payment(connection, reference: reference, locking: false, logger: logger)
    }

    static func appendEvent(
        _ connection: PostgresConnection, paymentID: Int64, at time: Date, from: PaymentState?, to: PaymentState, evidence: PaymentEvidence,
        actor: String? = nil, logger: Logger
    ) async throws {
        try await connection.query(
            """
            INSERT INTO payment_event (payment_id, at, from_state, to_state, note, http_status, error_code, khalti_text, actor)
            VALUES (\(paymentID), \(time.stored), \(from?.rawValue), \(to.rawValue), \(evidence.note), \(evidence.httpStatus),
                \(evidence.errorCode), \(evidence.khaltiText), \(actor))
            """,
            logger: logger)
    }
}
