import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

extension SQLiteJournal {
    public func receiptPrintings(of reference: PaymentReference) async throws(JournalError) -> [ReceiptPrinting] {
        try await read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.* FROM receipt_printing r JOIN payment p ON p.id = r.payment_id
                    WHERE p.reference = ? ORDER BY r.id
                    """,
                arguments: [reference.value])
            return try rows.map { row throws(JournalError) in
                guard let at: StoredTime = row["at"] else { throw .unreadableRecord("receipt printing \(row["id"] as Int64? ?? 0): time") }
                return ReceiptPrinting(
                    at: at.date, isReprint: row["reprint"] ?? false, newExpiry: (row["new_expiry"] as StoredTime?)?.date,
                    destination: row["destination"] ?? "")
            }
        }
    }

    public func recordReceiptPrinting(_ printing: ReceiptPrinting, of reference: PaymentReference) async throws(JournalError) {
        try await write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM payment WHERE reference = ?", arguments: [reference.value]) else {
                throw JournalError.unknownReference(reference)
            }
            try db.execute(
                sql: "INSERT INTO receipt_printing (payment_id, at, reprint, new_expiry, destination) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, printing.at.stored, printing.isReprint, printing.newExpiry?.stored, printing.destination])
        }
    }
}
