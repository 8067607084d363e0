import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import StoredDates

/// Reads rows back into domain values. A row that does not read (edited by hand, a
/// bad disk) is an error with the row's id, never a crash.
enum JournalRows {
    static let paymentColumns = """
        id, reference, khalti_environment, username, customer_name, months, amount_paisa, counter, operator, state,
        transaction_id, created_at, sent_at, updated_at, resolved_at, lookup_count, unknown_reference_lookups,
        next_lookup_at, first_lookup_at, refused_by_khalti, attention, owner, shift_id, khalti_account, decided_against
        """

    static func payment(_ row: Row) throws(JournalError) -> PaymentRecord {
        let id: Int64 = row["id"] ?? 0
        func bad(_ field: String) -> JournalError { .unreadableRecord("payment \(id): \(field)") }
        guard let referenceText: String = row["reference"], let reference = try? PaymentReference(referenceText) else {
            throw bad("reference")
        }
        guard let usernameText: String = row["username"], let username = try? Username(usernameText) else {
            throw bad("username")
        }
        guard let months: Int = row["months"], let duration = PlanDuration(rawValue: months) else { throw bad("months") }
        guard let paisa: Int64 = row["amount_paisa"] else { throw bad("amount") }
        guard let stateText: String = row["state"], let state = PaymentState(rawValue: stateText) else { throw bad("state") }
        guard let createdAt: StoredTime = row["created_at"], let updatedAt: StoredTime = row["updated_at"] else {
            throw bad("times")
        }
        return PaymentRecord(
            reference: reference,
            khaltiEnvironment: row["khalti_environment"] ?? "",
            username: username,
            customerName: row["customer_name"] ?? "",
            duration: duration,
            amount: Money(paisa: paisa),
            counter: row["counter"] ?? "",
            operatorName: row["operator"] ?? "",
            state: state,
            transactionID: row["transaction_id"],
            createdAt: createdAt.date,
            sentAt: (row["sent_at"] as StoredTime?)?.date,
            updatedAt: updatedAt.date,
            resolvedAt: (row["resolved_at"] as StoredTime?)?.date,
            lookupCount: row["lookup_count"] ?? 0,
            unknownReferenceLookups: row["unknown_reference_lookups"] ?? 0,
            nextLookupAt: (row["next_lookup_at"] as StoredTime?)?.date,
            firstLookupAt: (row["first_lookup_at"] as StoredTime?)?.date,
            refusedByKhalti: (row["refused_by_khalti"] as Bool?) ?? false,
            attention: row["attention"],
            owner: row["owner"],
            shiftID: row["shift_id"],
            khaltiAccount: row["khalti_account"],
            decidedAgainst: row["decided_against"]
        )
    }

    static func event(_ row: Row, reference: PaymentReference) throws(JournalError) -> PaymentEvent {
        let id: Int64 = row["id"] ?? 0
        guard let toText: String = row["to_state"], let to = PaymentState(rawValue: toText) else {
            throw .unreadableRecord("event \(id): state")
        }
        let fromText: String? = row["from_state"]
        guard let at: StoredTime = row["at"] else { throw .unreadableRecord("event \(id): time") }
        return PaymentEvent(
            reference: reference, at: at.date, from: fromText.flatMap(PaymentState.init(rawValue:)), to: to,
            evidence: PaymentEvidence(
                note: row["note"] ?? "", httpStatus: row["http_status"], errorCode: row["error_code"],
                khaltiText: row["khalti_text"]
            ),
            actor: row["actor"]
        )
    }

    static func fetchPayments(_ db: Database, where condition: String, arguments: StatementArguments, order: String = "created_at, id")
        throws -> [PaymentRecord]
    {
        let rows = try Row.fetchAll(
            db, sql: "SELECT \(paymentColumns) FROM payment WHERE \(condition) ORDER BY \(order)", arguments: arguments)
        return try rows.map { row throws(JournalError) in try payment(row) }
    }
}
