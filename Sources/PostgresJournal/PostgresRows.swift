import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

/// Reads rows back into domain values. A row that does not read (edited by hand) is an
/// error naming it, never a crash; so is a column that does not decode.
struct RowReader {
    let row: PostgresRandomAccessRow
    let what: String

    init(_ row: PostgresRow, what: String) {
        self.row = row.makeRandomAccess()
        self.what = what
    }

    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws(JournalError) -> T {
        guard row.contains(column) else { throw .unreadableRecord("\(what): no column \(column)") }
        do { return try row[column].decode(T.self) } catch { throw .unreadableRecord("\(what): \(column)") }
    }
}

enum PostgresRows {
    static let paymentColumns = """
        id, reference, khalti_environment, username, customer_name, months, amount_paisa, counter, operator, state,
        transaction_id, created_at, sent_at, updated_at, resolved_at, lookup_count, unknown_reference_lookups,
        next_lookup_at, first_lookup_at, refused_by_khalti, attention, owner, shift_id, khalti_account, decided_against
        """

    static func payment(_ postgresRow: PostgresRow) throws(JournalError) -> PaymentRecord {
        let id = (try? postgresRow.makeRandomAccess()["id"].decode(Int64.self)) ?? 0
        let read = RowReader(postgresRow, what: "payment \(id)")
        func bad(_ field: String) -> JournalError { .unreadableRecord("payment \(id): \(field)") }
        guard let reference = try? PaymentReference(try read("reference", as: String.self)) else { throw bad("reference") }
        guard let username = try? Username(try read("username", as: String.self)) else { throw bad("username") }
        guard let duration = PlanDuration(rawValue: try read("months", as: Int.self)) else { throw bad("months") }
        guard let state = PaymentState(rawValue: try read("state", as: String.self)) else { throw bad("state") }
        return PaymentRecord(
            reference: reference,
            khaltiEnvironment: try read("khalti_environment"),
            username: username,
            customerName: try read("customer_name"),
            duration: duration,
            amount: Money(paisa: try read("amount_paisa")),
            counter: try read("counter"),
            operatorName: try read("operator"),
            state: state,
            transactionID: try read("transaction_id"),
            createdAt: try read("created_at", as: StoredInstant.self).date,
            sentAt: try read("sent_at", as: StoredInstant?.self)?.date,
            updatedAt: try read("updated_at", as: StoredInstant.self).date,
            resolvedAt: try read("resolved_at", as: StoredInstant?.self)?.date,
            lookupCount: try read("lookup_count"),
            unknownReferenceLookups: try read("unknown_reference_lookups"),
            nextLookupAt: try read("next_lookup_at", as: StoredInstant?.self)?.date,
            firstLookupAt: try read("first_lookup_at", as: StoredInstant?.self)?.date,
            refusedByKhalti: try read("refused_by_khalti"),
            attention: try read("attention"),
            owner: try read("owner"),
            shiftID: try read("shift_id"),
            khaltiAccount: try read("khalti_account"),
            decidedAgainst: try read("decided_against")
        )
    }

    static func event(_ postgresRow: PostgresRow, reference: PaymentReference) throws(JournalError) -> PaymentEvent {
        let read = RowReader(postgresRow, what: "an event of \(reference)")
        guard let to = PaymentState(rawValue: try read("to_state", as: String.self)) else {
            throw .unreadableRecord("an event of \(reference): state")
        }
        let from: String? = try read("from_state")
        return PaymentEvent(
            reference: reference, at: try read("at", as: StoredInstant.self).date, from: from.flatMap(PaymentState.init(rawValue:)),
            to: to,
            evidence: PaymentEvidence(
                note: try read("note"), httpStatus: try read("http_status"), errorCode: try read("error_code"),
                khaltiText: try read("khalti_text")),
            actor: try read("actor"))
    }

    static func shift(_ postgresRow: PostgresRow) throws(JournalError) -> Shift {
        let id = (try? postgresRow.makeRandomAccess()["id"].decode(Int64.self)) ?? 0
        let read = RowReader(postgresRow, what: "shift \(id)")
        var report: ShiftReport?
        if let text: String = try read("closing_report") {
            guard let decoded = try? JSONDecoder().decode(ShiftReport.self, from: Data(text.utf8)) else {
                throw .unreadableRecord("shift \(id): its closing report")
            }
            report = decoded
        }
        return Shift(
            id: id, counter: try read("counter"), number: try read("number"), operatorName: try read("operator"),
            openingFloat: Money(paisa: try read("opening_float_paisa")),
            openingBalance: try read("opening_balance_paisa", as: Int64?.self).map(Money.init(paisa:)),
            openedAt: try read("opened_at", as: StoredInstant.self).date, closedAt: try read("closed_at", as: StoredInstant?.self)?.date,
            countedCash: try read("counted_paisa", as: Int64?.self).map(Money.init(paisa:)),
            closingBalance: try read("closing_balance_paisa", as: Int64?.self).map(Money.init(paisa:)), note: try read("note"),
            closingReport: report)
    }

    static func cashMovement(_ postgresRow: PostgresRow) throws(JournalError) -> CashMovement {
        let read = RowReader(postgresRow, what: "a cash movement")
        guard let direction = CashMovement.Direction(rawValue: try read("direction", as: String.self)) else {
            throw .unreadableRecord("a cash movement: direction")
        }
        return CashMovement(
            id: try read("id"), shiftID: try read("shift_id"), direction: direction, amount: Money(paisa: try read("amount_paisa")),
            reason: try read("reason"), operatorName: try read("operator"), at: try read("at", as: StoredInstant.self).date)
    }

    static func drawerOpening(_ postgresRow: PostgresRow) throws(JournalError) -> DrawerOpening {
        let read = RowReader(postgresRow, what: "a drawer opening")
        let reference: String? = try read("reference")
        return DrawerOpening(
            id: try read("id"), shiftID: try read("shift_id"), counter: try read("counter"),
            at: try read("at", as: StoredInstant.self).date, reason: try read("reason"),
            reference: reference.flatMap { try? PaymentReference($0) }, operatorName: try read("operator"))
    }

    static func receiptPrinting(_ postgresRow: PostgresRow) throws(JournalError) -> ReceiptPrinting {
        let read = RowReader(postgresRow, what: "a receipt printing")
        return ReceiptPrinting(
            at: try read("at", as: StoredInstant.self).date, isReprint: try read("reprint"),
            newExpiry: try read("new_expiry", as: StoredInstant?.self)?.date, destination: try read("destination"))
    }
}

/// A query assembled piece by piece: `bind` appends a value and gives its placeholder.
struct SQLStatement {
    var binds = PostgresBindings()

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    mutating func bind<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        binds.append(value)
        return "$\(binds.count)"
    }

    func query(_ sql: String) -> PostgresQuery { PostgresQuery(unsafeSQL: sql, binds: binds) }
}

extension PostgresConnection {
    /// Every row of the query, collected.
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await self.query(query, logger: logger).collect()
    }

    /// Payments matching `condition` (with `statement`'s binds), in `order`.
    func payments(
        where condition: String, _ statement: SQLStatement = SQLStatement(), order: String = "created_at, id", lock: String = "",
        logger: Logger
    ) async throws -> [PaymentRecord] {
        let sql = "SELECT \(PostgresRows.paymentColumns) FROM payment WHERE \(condition) ORDER BY \(order) \(lock)"
        return try await rows(statement.query(sql), logger: logger).map { row throws(JournalError) in try PostgresRows.payment(row) }
    }

    func shifts(
        where condition: String, _ statement: SQLStatement = SQLStatement(), order: String = "id", lock: String = "", logger: Logger
    ) async throws -> [Shift] {
        try await rows(statement.query("SELECT * FROM shift WHERE \(condition) ORDER BY \(order) \(lock)"), logger: logger)
            .map { row throws(JournalError) in try PostgresRows.shift(row) }
    }
}
