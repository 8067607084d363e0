import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

/// Shift, cash and drawer rows read back into values; a row that does not read is an
/// error naming it, never a crash.
enum ShiftRows {
    static let shiftColumns = """
        id, counter, number, operator, opening_float_paisa, opening_balance_paisa, opened_at, closed_at,
        counted_paisa, closing_balance_paisa, note, closing_report
        """

    static func shift(_ row: Row) throws(JournalError) -> Shift {
        let id: Int64 = row["id"] ?? 0
        guard let counter: String = row["counter"], let number: Int = row["number"], let operatorName: String = row["operator"],
              let float: Int64 = row["opening_float_paisa"], let openedAt: StoredTime = row["opened_at"]
        else { throw .unreadableRecord("shift \(id)") }
        var report: ShiftReport?
        if let text: String = row["closing_report"] {
            guard let decoded = try? JSONDecoder().decode(ShiftReport.self, from: Data(text.utf8)) else {
                throw .unreadableRecord("shift \(id): its closing report")
            }
            report = decoded
        }
        return Shift(
            id: id, counter: counter, number: number, operatorName: operatorName, openingFloat: Money(paisa: float),
            openingBalance: (row["opening_balance_paisa"] as Int64?).map(Money.init(paisa:)), openedAt: openedAt.date,
            closedAt: (row["closed_at"] as StoredTime?)?.date, countedCash: (row["counted_paisa"] as Int64?).map(Money.init(paisa:)),
            closingBalance: (row["closing_balance_paisa"] as Int64?).map(Money.init(paisa:)), note: row["note"], closingReport: report)
    }

    static func cashMovement(_ row: Row) throws(JournalError) -> CashMovement {
        let id: Int64 = row["id"] ?? 0
        guard let shiftID: Int64 = row["shift_id"], let directionText: String = row["direction"],
              let direction = CashMovement.Direction(rawValue: directionText), let paisa: Int64 = row["amount_paisa"],
              let at: StoredTime = row["at"]
        else { throw .unreadableRecord("cash movement \(id)") }
        return CashMovement(
            id: id, shiftID: shiftID, direction: direction, amount: Money(paisa: paisa), reason: row["reason"] ?? "",
            operatorName: row["operator"] ?? "", at: at.date)
    }

    static func drawerOpening(_ row: Row) throws(JournalError) -> DrawerOpening {
        let id: Int64 = row["id"] ?? 0
        guard let at: StoredTime = row["at"] else { throw .unreadableRecord("drawer opening \(id)") }
        return DrawerOpening(
            id: id, shiftID: row["shift_id"], counter: row["counter"] ?? "", at: at.date, reason: row["reason"] ?? "",
            reference: (row["reference"] as String?).flatMap { try? PaymentReference($0) }, operatorName: row["operator"] ?? "")
    }

    static func fetchShifts(_ db: Database, where condition: String, arguments: StatementArguments, order: String = "id") throws -> [Shift] {
        try Row.fetchAll(db, sql: "SELECT \(shiftColumns) FROM shift WHERE \(condition) ORDER BY \(order)", arguments: arguments)
            .map { row throws(JournalError) in try shift(row) }
    }
}
