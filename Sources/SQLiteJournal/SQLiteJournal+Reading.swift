import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

extension SQLiteJournal {
    public func payment(_ reference: PaymentReference) async throws(JournalError) -> PaymentRecord? {
        try await read { db in
            try JournalRows.fetchPayments(db, where: "reference = ?", arguments: [reference.value]).first
        }
    }

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

    public func openPayment(for username: Username, in environment: String) async throws(JournalError) -> PaymentRecord? {
        try await read { db in try Self.openPayment(db, username: username, environment: environment) }
    }

    public func paidPayments(for username: Username, in environment: String, since: Date) async throws(JournalError) -> [PaymentRecord] {
        try await read { db in try Self.paidPayments(db, username: username, environment: environment, since: since) }
    }

    public func heldPayments(in environment: String?) async throws(JournalError) -> [PaymentRecord] {
        try await read { db in
            try JournalRows.fetchPayments(
                db, where: "state = 'held' AND (? IS NULL OR khalti_environment = ?)", arguments: [environment, environment])
        }
    }

    public func dueForLookup(in environment: String, at time: Date, schedule: LookupSchedule) async throws(JournalError) -> [PaymentRecord] {
        let ignoreFirst = !schedule.waitsForFirstLookup
        let ignoreBackoff = !schedule.waitsForBackoff
        return try await read { db in
            try JournalRows.fetchPayments(
                db,
                where: """
                    state = 'held' AND attention IS NULL AND khalti_environment = ?
                    AND (? OR first_lookup_at IS NULL OR first_lookup_at <= ?)
                    AND (? OR next_lookup_at IS NULL OR next_lookup_at <= ?)
                    """,
                arguments: [environment, ignoreFirst, time.stored, ignoreBackoff, time.stored],
                order: "next_lookup_at, id")
        }
    }

    public func history(_ filter: HistoryFilter) async throws(JournalError) -> [PaymentRecord] {
        let records = try await read { db in
            var conditions = ["1"]
            var arguments = StatementArguments()
            if let since = filter.since {
                conditions.append("created_at >= ?")
                arguments += [since.stored]
            }
            if let until = filter.until {
                conditions.append("created_at < ?")
                arguments += [until.stored]
            }
            if let username = filter.username {
                conditions.append("username = ? COLLATE NOCASE")
                arguments += [username.value]
            }
            if let states = filter.states {
                conditions.append("state IN (\(states.map { _ in "?" }.joined(separator: ", ")))")
                arguments += StatementArguments(states.map(\.rawValue).sorted())
            }
            if let environment = filter.khaltiEnvironment {
                conditions.append("khalti_environment = ?")
                arguments += [environment]
            }
            if let counter = filter.counter {
                conditions.append("counter = ? COLLATE NOCASE")
                arguments += [counter]
            }
            if filter.needsAttention {
                conditions.append("attention IS NOT NULL")
            }
            if let shiftID = filter.shiftID {
                conditions.append("shift_id = ?")
                arguments += [shiftID]
            }
            return try JournalRows.fetchPayments(db, where: conditions.joined(separator: " AND "), arguments: arguments)
        }
        return records.filter(filter.matchesName)
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

    static func paidPayments(_ db: Database, username: Username, environment: String, since: Date) throws -> [PaymentRecord] {
        try JournalRows.fetchPayments(
            db,
            where: "state = 'paid' AND khalti_environment = ? AND username = ? COLLATE NOCASE AND created_at >= ?",
            arguments: [environment, username.value, since.stored])
    }
}
