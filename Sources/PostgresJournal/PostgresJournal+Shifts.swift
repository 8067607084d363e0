import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

extension PostgresJournal {
    public func openShift(_ opening: ShiftOpening) async throws(JournalError) -> ShiftOpened {
        let logger = logger
        return try await write { connection in
            // Two terminals opening the counter's shift at once: the second waits, then finds it open.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(Self.tillLockName(opening.counter)), 0))", logger: logger)
            if let open = try await Self.currentShift(connection, counter: opening.counter, logger: logger) { return .alreadyOpen(open) }
            let rows = try await connection.rows(
                """
                INSERT INTO shift (counter, number, operator, opening_float_paisa, opening_balance_paisa, opened_at)
                SELECT \(opening.counter), coalesce(max(number), 0) + 1, \(opening.operatorName), \(opening.openingFloat.paisa),
                    \(opening.openingBalance?.paisa), \(opening.at.stored)
                FROM shift WHERE counter = \(opening.counter)
                RETURNING id
                """,
                logger: logger)
            return .opened(try await Self.shift(connection, id: try rows[0].decode(Int64.self), logger: logger))
        }
    }

    public func currentShift(counter: String) async throws(JournalError) -> Shift? {
        let logger = logger
        return try await read { connection in try await Self.currentShift(connection, counter: counter, logger: logger) }
    }

    public func shift(id: Int64) async throws(JournalError) -> Shift? {
        let logger = logger
        return try await read { connection in
            var statement = SQLStatement()
            return try await connection.shifts(where: "id = \(statement.bind(id))", statement, logger: logger).first
        }
    }

    public func shifts(counter: String?, since: Date?) async throws(JournalError) -> [Shift] {
        let logger = logger
        return try await read { connection in
            var statement = SQLStatement()
            var conditions = ["true"]
            if let counter { conditions.append("counter = \(statement.bind(counter))") }
            if let since { conditions.append("opened_at >= \(statement.bind(since.stored))") }
            return try await connection.shifts(
                where: conditions.joined(separator: " AND "), statement, order: "opened_at DESC, id DESC", logger: logger)
        }
    }

    public func recordCashMovement(_ movement: NewCashMovement) async throws(JournalError) -> CashMovement {
        let logger = logger
        return try await write { connection in
            guard let shift = try await Self.currentShift(connection, counter: movement.counter, lock: "FOR SHARE", logger: logger) else {
                throw JournalError.noOpenShift(counter: movement.counter)
            }
            let rows = try await connection.rows(
                """
                INSERT INTO cash_movement (shift_id, direction, amount_paisa, reason, operator, at)
                VALUES (\(shift.id), \(movement.direction.rawValue), \(movement.amount.paisa), \(movement.reason),
                    \(movement.operatorName), \(movement.at.stored))
                RETURNING *
                """,
                logger: logger)
            return try PostgresRows.cashMovement(rows[0])
        }
    }

    public func recordDrawerOpening(_ opening: NewDrawerOpening) async throws(JournalError) -> DrawerOpening {
        let logger = logger
        return try await write { connection in
            let shift = try await Self.currentShift(connection, counter: opening.counter, lock: "FOR SHARE", logger: logger)
            let rows = try await connection.rows(
                """
                INSERT INTO drawer_opening (shift_id, counter, at, reason, reference, operator)
                VALUES (\(shift?.id), \(opening.counter), \(opening.at.stored), \(opening.reason), \(opening.reference?.value),
                    \(opening.operatorName))
                RETURNING *
                """,
                logger: logger)
            return try PostgresRows.drawerOpening(rows[0])
        }
    }

    public func shiftActivity(id: Int64, until: Date) async throws(JournalError) -> ShiftActivity {
        let logger = logger
        return try await read { connection in try await Self.activity(connection, shiftID: id, until: until, logger: logger) }
    }

    public func closeShift(
        _ closing: ShiftClosing, report: @escaping @Sendable (ShiftActivity) -> ShiftReport
    ) async throws(JournalError) -> Shift {
        let logger = logger
        return try await write { connection in
            var statement = SQLStatement()
            guard let shift = try await connection.shifts(
                where: "id = \(statement.bind(closing.shiftID))", statement, lock: "FOR UPDATE", logger: logger
            ).first else { throw JournalError.unknownShift(closing.shiftID) }
            guard shift.isOpen else { throw JournalError.shiftClosed(number: shift.number, counter: shift.counter) }
            // No payment of this counter reaches a final state while the report is made
            // and the shift closes: each is counted here or in the next shift, once.
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\(Self.tillLockName(shift.counter)), 0))", logger: logger)
            var onTheirWay = SQLStatement()
            let payments = try await connection.payments(
                where: "shift_id = \(onTheirWay.bind(shift.id)) AND state IN ('prepared', 'sending')", onTheirWay, logger: logger)
            guard payments.isEmpty else { throw JournalError.paymentsOnTheirWay(payments.map(\.reference)) }
            let zReport = report(try await Self.activity(connection, shiftID: shift.id, until: closing.at, logger: logger))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: try encoder.encode(zReport), as: UTF8.self)
            try await connection.query(
                """
                UPDATE shift SET closed_at = \(closing.at.stored), counted_paisa = \(closing.countedCash.paisa),
                    closing_balance_paisa = \(closing.closingBalance?.paisa), note = \(closing.note), closing_report = \(text)
                WHERE id = \(shift.id)
                """,
                logger: logger)
            return try await Self.shift(connection, id: shift.id, logger: logger)
        }
    }

    // MARK: Inside a transaction

    /// The advisory lock of a counter's till: opening and closing its shift, and payments
    /// of it reaching a final state (shared).
    static func tillLockName(_ counter: String) -> String { "arrownet till " + counter }

    static func currentShift(_ connection: PostgresConnection, counter: String, lock: String = "", logger: Logger) async throws -> Shift? {
        var statement = SQLStatement()
        return try await connection.shifts(
            where: "counter = \(statement.bind(counter)) AND closed_at IS NULL", statement, lock: lock, logger: logger
        ).first
    }

    static func shift(_ connection: PostgresConnection, id: Int64, logger: Logger) async throws -> Shift {
        var statement = SQLStatement()
        guard let shift = try await connection.shifts(where: "id = \(statement.bind(id))", statement, logger: logger).first else {
            throw JournalError.unknownShift(id)
        }
        return shift
    }

    static func activity(_ connection: PostgresConnection, shiftID: Int64, until: Date, logger: Logger) async throws -> ShiftActivity {
        let shift = try await shift(connection, id: shiftID, logger: logger)
        let end = shift.closedAt ?? until
        var own = SQLStatement()
        let payments = try await connection.payments(where: "shift_id = \(own.bind(shift.id))", own, logger: logger)
        // This counter's payments of other shifts (or of none) that reached a final state
        // since its previous shift closed: their cash was counted with the shift that took them.
        let previous = try await connection.rows(
            """
            SELECT max(closed_at) FROM shift
            WHERE counter = \(shift.counter) AND id <> \(shift.id) AND closed_at <= \(shift.openedAt.stored)
            """,
            logger: logger)
        let previousClose = try previous.first?.decode(StoredInstant?.self)?.date
        var settledQuery = SQLStatement()
        let settled = try await connection.payments(
            where: """
                counter = \(settledQuery.bind(shift.counter)) AND (shift_id IS NULL OR shift_id <> \(settledQuery.bind(shift.id)))
                AND resolved_at >= \(settledQuery.bind((previousClose ?? shift.openedAt).stored))
                AND resolved_at < \(settledQuery.bind(end.stored))
                AND state NOT IN \(PostgresSchema.openStatesSQL)
                AND (shift_id IS NULL OR resolved_at > (SELECT closed_at FROM shift WHERE shift.id = payment.shift_id))
                """,
            settledQuery, order: "resolved_at, id", logger: logger)
        var numbers: [Int64: Int] = [:]
        for id in Set(settled.compactMap(\.shiftID)) {
            numbers[id] = try await connection.rows("SELECT number FROM shift WHERE id = \(id)", logger: logger).first?.decode(Int.self)
        }
        let cash = try await connection.rows("SELECT * FROM cash_movement WHERE shift_id = \(shift.id) ORDER BY id", logger: logger)
            .map { row throws(JournalError) in try PostgresRows.cashMovement(row) }
        let drawer = try await connection.rows("SELECT * FROM drawer_opening WHERE shift_id = \(shift.id) ORDER BY id", logger: logger)
            .map { row throws(JournalError) in try PostgresRows.drawerOpening(row) }
        return ShiftActivity(
            shift: shift, payments: payments, settledFromEarlier: settled, earlierShiftNumbers: numbers, cashMovements: cash,
            drawerOpenings: drawer, until: end)
    }
}
