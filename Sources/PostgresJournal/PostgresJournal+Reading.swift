import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

extension PostgresJournal {
    public func payment(_ reference: PaymentReference) async throws(JournalError) -> PaymentRecord? {
        let logger = logger
        return try await read { connection in
            var statement = SQLStatement()
            return try await connection.payments(where: "reference = \(statement.bind(reference.value))", statement, logger: logger).first
        }
    }

    public func events(of reference: PaymentReference) async throws(JournalError) -> [PaymentEvent] {
        let logger = logger
        return try await read { connection in
            let rows = try await connection.rows(
                "SELECT e.* FROM payment_event e JOIN payment p ON p.id = e.payment_id WHERE p.reference = \(reference.value) ORDER BY e.id",
                logger: logger)
            return try rows.map { row throws(JournalError) in try PostgresRows.event(row, reference: reference) }
        }
    }

    public func openPayment(for username: Username, in environment: String) async throws(JournalError) -> PaymentRecord? {
        let logger = logger
        return try await read { connection in
            try await Self.openPayment(connection, username: username, environment: environment, logger: logger)
        }
    }

    public func paidPayments(for username: Username, in environment: String, since: Date) async throws(JournalError) -> [PaymentRecord] {
        let logger = logger
        return try await read { connection in
            try await Self.paidPayments(connection, username: username, environment: environment, since: since, logger: logger)
        }
    }

    public func heldPayments(in environment: String?) async throws(JournalError) -> [PaymentRecord] {
        let logger = logger
        return try await read { connection in
            var statement = SQLStatement()
            let condition = environment.map { "state = 'held' AND khalti_environment = \(statement.bind($0))" } ?? "state = 'held'"
            return try await connection.payments(where: condition, statement, logger: logger)
        }
    }

    public func dueForLookup(in environment: String, at time: Date, schedule: LookupSchedule) async throws(JournalError) -> [PaymentRecord] {
        let logger = logger
        return try await read { connection in
            var statement = SQLStatement()
            let condition = Self.dueCondition(&statement, environment: environment, at: time, schedule: schedule)
            return try await connection.payments(where: condition, statement, order: "next_lookup_at, id", logger: logger)
        }
    }

    public func history(_ filter: HistoryFilter) async throws(JournalError) -> [PaymentRecord] {
        let logger = logger
        let records = try await read { connection in
            var statement = SQLStatement()
            var conditions = ["true"]
            if let since = filter.since { conditions.append("created_at >= \(statement.bind(since.stored))") }
            if let until = filter.until { conditions.append("created_at < \(statement.bind(until.stored))") }
            if let username = filter.username { conditions.append("lower(username) = lower(\(statement.bind(username.value)))") }
            if let states = filter.states {
                conditions.append("state IN (\(states.map(\.rawValue).sorted().map { statement.bind($0) }.joined(separator: ", ")))")
            }
            if let environment = filter.khaltiEnvironment { conditions.append("khalti_environment = \(statement.bind(environment))") }
            if let counter = filter.counter { conditions.append("lower(counter) = lower(\(statement.bind(counter)))") }
            if filter.needsAttention { conditions.append("attention IS NOT NULL") }
            if let shiftID = filter.shiftID { conditions.append("shift_id = \(statement.bind(shiftID))") }
            return try await connection.payments(where: conditions.joined(separator: " AND "), statement, logger: logger)
        }
        return records.filter(filter.matchesName)
    }

    public func receiptPrintings(of reference: PaymentReference) async throws(JournalError) -> [ReceiptPrinting] {
        let logger = logger
        return try await read { connection in
            try await connection.rows(
                """
                SELECT r.* FROM receipt_printing r JOIN payment p ON p.id = r.payment_id
                WHERE p.reference = \(reference.value) ORDER BY r.id
                """,
                logger: logger
            ).map { row throws(JournalError) in try PostgresRows.receiptPrinting(row) }
        }
    }

    // MARK: Inside a transaction

    /// Held payments of `environment` that may be looked up at `time` under `schedule`.
    static func dueCondition(_ statement: inout SQLStatement, environment: String, at time: Date, schedule: LookupSchedule) -> String {
        var condition = "state = 'held' AND attention IS NULL AND khalti_environment = \(statement.bind(environment))"
        if schedule.waitsForFirstLookup {
            condition += " AND (first_lookup_at IS NULL OR first_lookup_at <= \(statement.bind(time.stored)))"
        }
        if schedule.waitsForBackoff {
            condition += " AND (next_lookup_at IS NULL OR next_lookup_at <= \(statement.bind(time.stored)))"
        }
        return condition
    }

    /// The payment, locked for this transaction when `locking` (every write decides on a locked row).
    static func payment(
        _ connection: PostgresConnection, reference: PaymentReference, locking: Bool = true, logger: Logger
    ) async throws -> PaymentRecord {
        var statement = SQLStatement()
        guard let record = try await connection.payments(
            where: "reference = \(statement.bind(reference.value))", statement, lock: locking ? "FOR UPDATE" : "", logger: logger
        ).first else { throw JournalError.unknownReference(reference) }
        return record
    }

    static func openPayment(_ connection: PostgresConnection, username: Username, environment: String, logger: Logger) async throws
        -> PaymentRecord?
    {
        var statement = SQLStatement()
        return try await connection.payments(
            where: """
                state IN \(PostgresSchema.openStatesSQL) AND khalti_environment = \(statement.bind(environment))
                AND lower(username) = lower(\(statement.bind(username.value)))
                """,
            statement, logger: logger
        ).first
    }

    static func paidPayments(
        _ connection: PostgresConnection, username: Username, environment: String, since: Date, logger: Logger
    ) async throws -> [PaymentRecord] {
        var statement = SQLStatement()
        return try await connection.payments(
            where: """
                state = 'paid' AND khalti_environment = \(statement.bind(environment))
                AND lower(username) = lower(\(statement.bind(username.value))) AND created_at >= \(statement.bind(since.stored))
                """,
            statement, logger: logger)
    }
}
