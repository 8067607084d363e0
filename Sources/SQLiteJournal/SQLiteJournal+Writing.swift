import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

extension SQLiteJournal {
    public func prepare(_ intent: PaymentIntent, refusing unseen: UnseenPayments?) async throws(JournalError) -> Preparation {
        let owner = owner
        do {
            // One IMMEDIATE transaction: no other process can write between the checks
            // and the insert, so two counters paying one customer cannot both prepare.
            return try await write { db in
                guard let shiftID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM shift WHERE counter = ? AND closed_at IS NULL", arguments: [intent.counter])
                else { return .noOpenShift }
                if let open = try Self.openPayment(db, username: intent.username, environment: intent.khaltiEnvironment) {
                    return .blocked(by: open)
                }
                if let unseen {
                    let paid = try Self.unseenPaidPayments(db, username: intent.username, environment: intent.khaltiEnvironment, unseen)
                    if !paid.isEmpty { return .paidAlready(paid) }
                }
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment WHERE reference = ?", arguments: [intent.reference.value]) ?? 0 > 0 {
                    throw JournalError.referenceAlreadyUsed(intent.reference)
                }
                try db.execute(
                    sql: """
                        INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa,
                            counter, operator, state, created_at, updated_at, owner, shift_id, khalti_account)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'prepared', ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        intent.reference.value, intent.khaltiEnvironment, intent.username.value, intent.customerName,
                        intent.plan.duration.months, intent.plan.amount.paisa, intent.counter, intent.operatorName,
                        intent.createdAt.stored, intent.createdAt.stored, owner, shiftID, intent.khaltiAccount,
                    ])
                try Self.appendEvent(
                    db, paymentID: db.lastInsertedRowID, at: intent.createdAt, from: nil, to: .prepared,
                    evidence: PaymentEvidence(note: "Intent written: \(intent.plan.duration.label), \(intent.plan.amount.formatted)."))
                return .prepared(try Self.payment(db, reference: intent.reference))
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
        try await write { db in
            try Self.move(db, reference, to: .sending, at: time, evidence: PaymentEvidence(note: "Sending the payment to Khalti.")) {
                $0.sentAt = time
            }
        }
    }

    public func recordAnswer(_ answer: RecordedAnswer, of reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord {
        try await write { db in
            let current = try Self.payment(db, reference: reference)
            if current.state.isFinal { return current }
            return try Self.move(db, reference, to: answer.state, at: time, evidence: answer.evidence) { $0.apply(answer) }
        }
    }

    public func recordLookup(
        _ reference: PaymentReference, found finding: LookupFinding, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord? {
        try await write { db in
            guard try Self.payment(db, reference: reference).state == .held else { return nil }
            let next: PaymentState = if case .resolved(let state, _) = finding { state } else { .held }
            return try Self.move(db, reference, to: next, at: time, evidence: evidence) { $0.apply(finding) }
        }
    }

    public func flagPaid(_ reference: PaymentReference, problem: String, evidence: PaymentEvidence, at time: Date) async throws(JournalError) -> PaymentRecord? {
        try await write { db in
            let current = try Self.payment(db, reference: reference)
            guard current.state == .paid, current.attention == nil else { return nil }
            try db.execute(
                sql: "UPDATE payment SET attention = ?, updated_at = ? WHERE reference = ?",
                arguments: [problem, time.stored, reference.value])
            try Self.appendEvent(db, paymentID: try Self.id(db, reference), at: time, from: .paid, to: .paid, evidence: evidence)
            return try Self.payment(db, reference: reference)
        }
    }

    public func resolve(_ resolution: Resolution, at time: Date) async throws(JournalError) -> PaymentRecord {
        try await write { db in
            let reference = resolution.reference
            let current = try Self.payment(db, reference: reference)
            let evidence = PaymentEvidence(note: "Decided by \(resolution.person): \(resolution.note)")
            switch (current.state, resolution.verdict) {
            case (.held, .paid), (.held, .notPaid):
                let next: PaymentState = resolution.verdict == .paid ? .paid : .notPaid
                return try Self.move(db, reference, to: next, at: time, evidence: evidence, actor: resolution.person) { fields in
                    fields.attention = nil
                }
            case (.paid, .notPaid) where current.attention != nil:
                return try Self.move(db, reference, to: .notPaid, at: time, evidence: evidence, actor: resolution.person) { fields in
                    fields.attention = nil
                }
            case (.notPaid, .paid) where current.attention != nil, (.notReceived, .paid) where current.attention != nil:
                // Khalti's later answer said paid, and the person agrees.
                return try Self.move(db, reference, to: .paid, at: time, evidence: evidence, actor: resolution.person) { fields in
                    fields.attention = nil
                }
            case (.paid, .paid) where current.attention != nil, (.notPaid, .notPaid) where current.attention != nil,
                 (.notReceived, .notPaid) where current.attention != nil:
                // Confirmed as it is after all: the flag goes, the state stays.
                try db.execute(
                    sql: "UPDATE payment SET attention = NULL, updated_at = ? WHERE reference = ?",
                    arguments: [time.stored, reference.value])
                try Self.appendEvent(
                    db, paymentID: try Self.id(db, reference), at: time, from: current.state, to: current.state, evidence: evidence,
                    actor: resolution.person)
                return try Self.payment(db, reference: reference)
            default:
                throw JournalError.notResolvable(reference: reference, state: current.state)
            }
        }
    }

    public func recoverStranded(
        at time: Date, lookupDelay: TimeInterval, cutoff: Date, counter: String?
    ) async throws(JournalError) -> [RecoveredPayment] {
        let candidates = try await read { db in
            try JournalRows.fetchPayments(
                db, where: "state IN ('prepared', 'sending') AND (? IS NULL OR counter = ?)", arguments: [counter, counter])
        }
        // Whose process is gone is asked outside the transaction: a gone owner never comes back.
        let me = owner
        let stranded = candidates.filter { payment in
            guard payment.owner != me else { return false }
            if (payment.sentAt ?? payment.createdAt) < cutoff { return true }
            guard let owner = payment.owner else { return false }
            return owners.isGone(owner)
        }
        guard !stranded.isEmpty else { return [] }
        return try await write { db in
            var recovered: [RecoveredPayment] = []
            for candidate in stranded {
                // Re-read inside the transaction: its own process may have moved it meanwhile.
                let payment = try Self.payment(db, reference: candidate.reference)
                guard let recovery = RecoveryMove(for: payment, lookupDelay: lookupDelay) else { continue }
                let record = try Self.move(db, payment.reference, to: recovery.to, at: time, evidence: recovery.evidence, recovery.change)
                recovered.append(RecoveredPayment(before: payment.state, record: record))
            }
            return recovered
        }
    }

    // MARK: Inside a write transaction

    /// Checks the move against `PaymentState.canMove`, applies it with the changed
    /// fields, and appends the event, all in the caller's transaction.
    static func move(
        _ db: Database, _ reference: PaymentReference, to next: PaymentState, at time: Date, evidence: PaymentEvidence,
        actor: String? = nil, _ change: (inout PaymentChangeFields) -> Void
    ) throws -> PaymentRecord {
        let current = try payment(db, reference: reference)
        // A final payment moves only while flagged for a person (the person's decision).
        guard current.state.canMove(to: next), current.state.isOpen || current.attention != nil else {
            throw JournalError.transitionRefused(reference: reference, from: current.state, to: next)
        }
        var fields = PaymentChangeFields(current)
        change(&fields)
        if next.isFinal { fields.nextLookupAt = nil }
        try db.execute(
            sql: """
                UPDATE payment SET state = ?, transaction_id = ?, sent_at = ?, updated_at = ?, resolved_at = ?,
                    lookup_count = ?, unknown_reference_lookups = ?, next_lookup_at = ?, first_lookup_at = ?,
                    refused_by_khalti = ?, attention = ?, decided_against = ?, lookup_claimed_by = NULL, lookup_claimed_until = NULL
                WHERE reference = ?
                """,
            arguments: [
                next.rawValue, fields.transactionID, fields.sentAt?.stored, time.stored, next.isFinal ? time.stored : nil,
                fields.lookupCount, fields.unknownReferenceLookups, fields.nextLookupAt?.stored, fields.firstLookupAt?.stored,
                fields.refusedByKhalti, fields.attention, fields.decidedAgainst, reference.value,
            ])
        try appendEvent(db, paymentID: try id(db, reference), at: time, from: current.state, to: next, evidence: evidence, actor: actor)
        return try payment(db, reference: reference)
    }

    static func id(_ db: Database, _ reference: PaymentReference) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT id FROM payment WHERE reference = ?", arguments: [reference.value]) ?? 0
    }

    static func appendEvent(
        _ db: Database, paymentID: Int64, at time: Date, from: PaymentState?, to: PaymentState, evidence: PaymentEvidence,
        actor: String? = nil
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO payment_event (payment_id, at, from_state, to_state, note, http_status, error_code, khalti_text, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                paymentID, time.stored, from?.rawValue, to.rawValue, evidence.note, evidence.httpStatus, evidence.errorCode,
                evidence.khaltiText, actor,
            ])
    }
}

extension SQLiteJournal {
    public func claimLookups(
        in environment: String, account: String, at time: Date, schedule: LookupSchedule, claimUntil: Date
    ) async throws(JournalError) -> [PaymentRecord] {
        let owner = owner
        let ignoreFirst = !schedule.waitsForFirstLookup
        let ignoreBackoff = !schedule.waitsForBackoff
        return try await write { db in
            let due = try JournalRows.fetchPayments(
                db,
                where: """
                    state = 'held' AND attention IS NULL AND khalti_environment = ?
                    AND (khalti_account IS NULL OR khalti_account = ?)
                    AND (? OR first_lookup_at IS NULL OR first_lookup_at <= ?)
                    AND (? OR next_lookup_at IS NULL OR next_lookup_at <= ?)
                    AND (lookup_claimed_by IS NULL OR lookup_claimed_by = ? OR lookup_claimed_until <= ?)
                    """,
                arguments: [environment, account, ignoreFirst, time.stored, ignoreBackoff, time.stored, owner, time.stored],
                order: "next_lookup_at, id")
            for payment in due {
                // A payment from before accounts becomes this account's as it is claimed.
                try db.execute(
                    sql: """
                        UPDATE payment SET lookup_claimed_by = ?, lookup_claimed_until = ?,
                            khalti_account = COALESCE(khalti_account, ?)
                        WHERE reference = ?
                        """,
                    arguments: [owner, claimUntil.stored, account, payment.reference.value])
            }
            return try due.map { try Self.payment(db, reference: $0.reference) }
        }
    }

    public func releaseClaims(_ references: [PaymentReference]) async throws(JournalError) {
        guard !references.isEmpty else { return }
        let owner = owner
        try await write { db in
            for reference in references {
                try db.execute(
                    sql: "UPDATE payment SET lookup_claimed_by = NULL, lookup_claimed_until = NULL WHERE reference = ? AND lookup_claimed_by = ?",
                    arguments: [reference.value, owner])
            }
        }
    }
}
