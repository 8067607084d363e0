import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

extension SQLiteJournal {
    public func openShift(_ opening: ShiftOpening) async throws(JournalError) -> ShiftOpened {
        try await write { db in
            if let open = try Self.currentShift(db, counter: opening.counter) { return .alreadyOpen(open) }
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM shift WHERE counter = ?", arguments: [opening.counter]) ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO shift (counter, number, operator, opening_float_paisa, opening_balance_paisa, opened_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    opening.counter, number, opening.operatorName, opening.openingFloat.paisa, opening.openingBalance?.paisa,
                    opening.at.stored,
                ])
            return .opened(try Self.shift(db, id: db.lastInsertedRowID))
        }
    }

    public func currentShift(counter: String) async throws(JournalError) -> Shift? {
        try await read { db in try Self.currentShift(db, counter: counter) }
    }

    public func shift(id: Int64) async throws(JournalError) -> Shift? {
        try await read { db in try ShiftRows.fetchShifts(db, where: "id = ?", arguments: [id]).first }
    }

    public func shifts(counter: String?, since: Date?) async throws(JournalError) -> [Shift] {
        try await read { db in
            try ShiftRows.fetchShifts(
                db, where: "(? IS NULL OR counter = ?) AND (? IS NULL OR opened_at >= ?)",
                arguments: [counter, counter, since?.stored, since?.stored], order: "opened_at DESC, id DESC")
        }
    }

    public func recordCashMovement(_ movement: NewCashMovement) async throws(JournalError) -> CashMovement {
        try await write { db in
            guard let shift = try Self.currentShift(db, counter: movement.counter) else {
                throw JournalError.noOpenShift(counter: movement.counter)
            }
            try db.execute(
                sql: "INSERT INTO cash_movement (shift_id, direction, amount_paisa, reason, operator, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    shift.id, movement.direction.rawValue, movement.amount.paisa, movement.reason, movement.operatorName, movement.at.stored,
                ])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM cash_movement WHERE id = ?", arguments: [db.lastInsertedRowID])
            guard let row else { throw JournalError.readFailed("the cash movement just written") }
            return try ShiftRows.cashMovement(row)
        }
    }

    public func recordDrawerOpening(_ opening: NewDrawerOpening) async throws(JournalError) -> DrawerOpening {
        try await write { db in
            let shift = try Self.currentShift(db, counter: opening.counter)
            try db.execute(
                sql: "INSERT INTO drawer_opening (shift_id, counter, at, reason, reference, operator) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [shift?.id, opening.counter, opening.at.stored, opening.reason, opening.reference?.value, opening.operatorName])
            let row = try Row.fetchOne(db, sql: "SELECT * FROM drawer_opening WHERE id = ?", arguments: [db.lastInsertedRowID])
            guard let row else { throw JournalError.readFailed("the drawer opening just written") }
            return try ShiftRows.drawerOpening(row)
        }
    }

    public func shiftActivity(id: Int64, until: Date) async throws(JournalError) -> ShiftActivity {
        try await read { db in try Self.activity(db, shiftID: id, until: until) }
    }

    public func closeShift(
        _ closing: ShiftClosing, report: @escaping @Sendable (ShiftActivity) -> ShiftReport
    ) async throws(JournalError) -> Shift {
        try await write { db in
            let shift = try Self.shift(db, id: closing.shiftID)
            guard shift.isOpen else { throw JournalError.shiftClosed(number: shift.number, counter: shift.counter) }
            let onTheirWay = try JournalRows.fetchPayments(
                db, where: "shift_id = ? AND state IN ('prepared', 'sending')", arguments: [shift.id])
            guard onTheirWay.isEmpty else { throw JournalError.paymentsOnTheirWay(onTheirWay.map(\.reference)) }
            // The figures come from what this transaction reads: nothing can settle between
            // the report and the close, so nothing is counted twice or lost between shifts.
            let zReport = report(try Self.activity(db, shiftID: shift.id, until: closing.at))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let text = String(decoding: try encoder.encode(zReport), as: UTF8.self)
            try db.execute(
                sql: """
                    UPDATE shift SET closed_at = ?, counted_paisa = ?, closing_balance_paisa = ?, note = ?, closing_report = ?
                    WHERE id = ?
                    """,
                arguments: [closing.at.stored, closing.countedCash.paisa, closing.closingBalance?.paisa, closing.note, text, shift.id])
            return try Self.shift(db, id: shift.id)
        }
    }

    // MARK: Inside a transaction

    static func currentShift(_ db: Database, counter: String) throws -> Shift? {
        try ShiftRows.fetchShifts(db, where: "counter = ? AND closed_at IS NULL", arguments: [counter]).first
    }

    static func shift(_ db: Database, id: Int64) throws -> Shift {
        guard let shift = try ShiftRows.fetchShifts(db, where: "id = ?", arguments: [id]).first else {
            throw JournalError.unknownShift(id)
        }
        return shift
    }

    static func activity(_ db: Database, shiftID: Int64, until: Date) throws -> ShiftActivity {
        let shift = try shift(db, id: shiftID)
        let end = shift.closedAt ?? until
        let payments = try JournalRows.fetchPayments(db, where: "shift_id = ?", arguments: [shift.id])
        // This counter's payments of other shifts (or of none) that reached a final state
        // since its previous shift closed (while no shift was open counts here too): their
        // cash was counted with the shift that took them.
        let previousClose = try StoredTime.fetchOne(
            db, sql: "SELECT MAX(closed_at) FROM shift WHERE counter = ? AND id <> ? AND closed_at <= ?",
            arguments: [shift.counter, shift.id, shift.openedAt.stored])?.date
        let settled = try JournalRows.fetchPayments(
            db,
            where: """
                counter = ? AND (shift_id IS NULL OR shift_id <> ?) AND resolved_at >= ? AND resolved_at < ?
                AND state NOT IN \(JournalSchema.openStatesSQL)
                AND (shift_id IS NULL OR resolved_at > (SELECT closed_at FROM shift WHERE shift.id = payment.shift_id))
                """,
            arguments: [shift.counter, shift.id, (previousClose ?? shift.openedAt).stored, end.stored],
            order: "resolved_at, id")
        var numbers: [Int64: Int] = [:]
        for id in Set(settled.compactMap(\.shiftID)) {
            numbers[id] = try Int.fetchOne(db, sql: "SELECT number FROM shift WHERE id = ?", arguments: [id])
        }
        let cash = try Row.fetchAll(db, sql: "SELECT * FROM cash_movement WHERE shift_id = ? ORDER BY id", arguments: [shift.id])
            .map { row throws(JournalError) in try ShiftRows.cashMovement(row) }
        let drawer = try Row.fetchAll(db, sql: "SELECT * FROM drawer_opening WHERE shift_id = ? ORDER BY id", arguments: [shift.id])
            .map { row throws(JournalError) in try ShiftRows.drawerOpening(row) }
        return ShiftActivity(
            shift: shift, payments: payments, settledFromEarlier: settled, earlierShiftNumbers: numbers, cashMovements: cash,
            drawerOpenings: drawer, until: end)
    }
}
