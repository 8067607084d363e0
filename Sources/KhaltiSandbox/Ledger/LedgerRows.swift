import Foundation
import GRDB
import StoredDates

/// Times go in as `StoredTime` text, the format GRDB uses for a `Date`, without the
/// `DateFormatter` (and ICU) GRDB would load to write one.
protocol LedgerRecord: Codable, FetchableRecord, MutablePersistableRecord {}

extension LedgerRecord {
    static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { $0.stored }
    }

    static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .custom { StoredTime.fromDatabaseValue($0)?.date }
    }
}

/// A row of the `payment` table.
struct PaymentRow: LedgerRecord, Sendable {
    static let databaseTableName = "payment"

    var id: Int64?
    var reference: String
    var username: String
    var amountPaisa: Int64
    var duration: Int
    var state: SandboxPaymentState
    /// Where a pending payment goes when it settles; `nil` once final.
    var settlesTo: SandboxPaymentState?
    var settleAfterLookups: Int
    var lookups: Int
    var settleDueAt: Date?
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, reference, username, duration, state, lookups
        case amountPaisa = "amount_paisa"
        case settlesTo = "settles_to"
        case settleAfterLookups = "settle_after_lookups"
        case settleDueAt = "settle_due_at"
        case createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A row of the `refund` table.
struct RefundRow: LedgerRecord, Sendable {
    static let databaseTableName = "refund"

    var id: Int64?
    var paymentID: Int64
    var amountPaisa: Int64
    var remarks: String
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, remarks
        case paymentID = "payment_id"
        case amountPaisa = "amount_paisa"
        case createdAt = "created_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
