import ArrownetDomain
import Foundation
import GRDB
import StoredDates

/// Which payments `history` lists. Every field left nil matches everything.
public struct HistoryFilter: Sendable, Hashable {
    /// Payments created at or after this instant.
    public var since: Date?
    public var username: Username?
    public var state: PaymentState?
    public var khaltiEnvironment: String?

    public init(since: Date? = nil, username: Username? = nil, state: PaymentState? = nil, khaltiEnvironment: String? = nil) {
        self.since = since
        self.username = username
        self.state = state
        self.khaltiEnvironment = khaltiEnvironment
    }
}

extension PaymentJournal {
    public func payment(_ reference: PaymentReference) async throws(JournalError) -> PaymentRecord? {
        try await read { db in
            try JournalRows.fetchPayments(db, where: "reference = ?", arguments: [reference.value]).first
        }
    }

    /// Every state change of the payment, oldest first.
    public func events(of reference: PaymentReference) async throws(JournalError) -> [PaymentEvent] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM payment_event e JOIN payment p ON p.id = e.payment_id
                    WHERE p.reference = ? ORDER BY e.id
                    """,
                arguments: [reference.value])
            return try rows.map { row throws(JournalError) in try JournalRows.event(row, reference: reference) }
        }
    }

    /// The customer's unresolved payment with this Khalti, if any (at most one, by the index).
    public func openPayment(for username: Username, in environment: String) async throws(JournalError) -> PaymentRecord? {
        try await read { db in try Self.openPayment(db, username: username, environment: environment) }
    }

    /// Every unresolved payment (prepared, sending, held), of every Khalti, oldest first.
    public func openPayments() async throws(JournalError) -> [PaymentRecord] {
        try await read { db in
            try JournalRows.fetchPayments(db, where: "state IN \(JournalSchema.openStatesSQL)", arguments: [])
        }
    }

    /// The customer's paid payments with this Khalti created at or after `since`
    /// (the console passes the start of today), oldest first.
    public func paidPayments(for username: Username, in environment: String, since: Date) async throws(JournalError) -> [PaymentRecord] {
        try await read { db in
            try JournalRows.fetchPayments(
                db,
                where: "state = 'paid' AND khalti_environment = ? AND username = ? COLLATE NOCASE AND created_at >= ?",
                arguments: [environment, username.value, since.stored])
        }
    }

    /// Held payments of this Khalti whose next lookup is due at `time` (or all of them
    /// with `ignoringDelay`). Payments flagged for attention wait for a person.
    public func dueForLookup(in environment: String, at time: Date, ignoringDelay: Bool) async throws(JournalError) -> [PaymentRecord] {
        try await read { db in
            try JournalRows.fetchPayments(
                db,
                where: """
                    state = 'held' AND attention IS NULL AND khalti_environment = ?
                    AND (? OR next_lookup_at IS NULL OR next_lookup_at <= ?)
                    """,
                arguments: [environment, ignoringDelay, time.stored],
                order: "next_lookup_at, id")
        }
    }

    /// Every held payment of every Khalti, flagged ones included, oldest first.
    public func heldPayments() async throws(JournalError) -> [PaymentRecord] {
        try await read { db in try JournalRows.fetchPayments(db, where: "state = 'held'", arguments: []) }
    }

    public func history(_ filter: HistoryFilter) async throws(JournalError) -> [PaymentRecord] {
        try await read { db in
            var conditions = ["1"]
            var arguments = StatementArguments()
            if let since = filter.since {
                conditions.append("created_at >= ?")
                arguments += [since.stored]
            }
            if let username = filter.username {
                conditions.append("username = ? COLLATE NOCASE")
                arguments += [username.value]
            }
            if let state = filter.state {
                conditions.append("state = ?")
                arguments += [state.rawValue]
            }
            if let environment = filter.khaltiEnvironment {
                conditions.append("khalti_environment = ?")
                arguments += [environment]
            }
            return try JournalRows.fetchPayments(db, where: conditions.joined(separator: " AND "), arguments: arguments)
        }
    }

    // MARK: Inside a transaction

    static func payment(_ db: Database, reference: PaymentReference) throws -> PaymentRecord {
        guard let record = try JournalRows.fetchPayments(db, where: "reference = ?", arguments: [reference.value]).first else {
            throw JournalError.unknownReference(reference)
        }
        return record
    }

    static func openPayment(_ db: Database, username: Username, environment: String) throws -> PaymentRecord? {
        try JournalRows.fetchPayments(
            db,
            where: "state IN \(JournalSchema.openStatesSQL) AND khalti_environment = ? AND username = ? COLLATE NOCASE",
            arguments: [environment, username.value]
        ).first
    }
}
