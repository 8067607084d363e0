import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

/// What `journal copy` brought over.
public struct JournalCopyReport: Sendable, Hashable {
    public var paymentsCopied = 0
    /// Payments the shared journal had already, with the same contents (an earlier copy).
    public var paymentsAlreadyThere = 0
    public var events = 0
    public var receiptPrintings = 0
    public var shiftsCopied = 0
    public var shiftsAlreadyThere = 0
    public var cashMovements = 0
    public var drawerOpenings = 0
}

extension PostgresJournal {
    /// Copies a journal (a counter's SQLite file) into this one: payments with their
    /// events and receipt printings, shifts with their cash movements and drawer openings,
    /// in one transaction, so a copy is whole or nothing. Running it again changes nothing:
    /// a payment already here with the same contents, and a shift with the same counter,
    /// number and figures, are counted as there. One that differs refuses the whole copy
    /// (`.referenceAlreadyUsed`, or `.writeFailed` naming the shift).
    ///
    /// Rows go in as they are, final states and closed shifts included: the insert checks
    /// let them in only inside this transaction (`arrownet.copying`); updates and
    /// deletes stay refused as ever. Drawer openings made while no shift was open are not
    /// reachable through the store and are not copied.
    public func copy(from source: any JournalStore, timeout: Duration = .seconds(600)) async throws(JournalError) -> JournalCopyReport {
        let snapshot = try await JournalSnapshot.read(source)
        let logger = logger
        return try await transaction(readOnly: false, timeout: timeout) { connection in
            try await connection.query("SET LOCAL arrownet.copying = 'on'", logger: logger)
            var report = JournalCopyReport()
            var shiftIDs: [Int64: Int64] = [:]
            for item in snapshot.shifts {
                let (id, copied) = try await Self.copyShift(item, connection, logger: logger)
                shiftIDs[item.shift.id] = id
                if copied {
                    report.shiftsCopied += 1
                    report.cashMovements += item.cashMovements.count
                    report.drawerOpenings += item.drawerOpenings.count
                } else {
                    report.shiftsAlreadyThere += 1
                }
            }
            for item in snapshot.payments {
                let mapped = item.record.shiftID.map { shiftIDs[$0] ?? $0 }
                if try await Self.copyPayment(item, shiftID: mapped, connection, logger: logger) {
                    report.paymentsCopied += 1
                    report.events += item.events.count
                    report.receiptPrintings += item.printings.count
                } else {
                    report.paymentsAlreadyThere += 1
                }
            }
            return report
        }
    }

    /// Inserts the shift and its cash and drawer rows, or finds it here already (same
    /// counter and number, same figures). Its id here, and whether it was copied now.
    static func copyShift(_ item: JournalSnapshot.ShiftItem, _ connection: PostgresConnection, logger: Logger) async throws -> (Int64, Bool) {
        let shift = item.shift
        var statement = SQLStatement()
        let found = try await connection.shifts(
            where: "counter = \(statement.bind(shift.counter)) AND number = \(statement.bind(shift.number))", statement, logger: logger)
        if let existing = found.first {
            let same = existing.operatorName == shift.operatorName && existing.openingFloat == shift.openingFloat
                && existing.openedAt == shift.openedAt && existing.closedAt == shift.closedAt && existing.countedCash == shift.countedCash
            guard same else {
                throw JournalError.writeFailed(
                    "shift \(shift.number) of \(shift.counter) is in the shared journal already with other figures; nothing was copied")
            }
            return (existing.id, false)
        }
        var reportText: String?
        if let report = shift.closingReport {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            reportText = String(decoding: try encoder.encode(report), as: UTF8.self)
        }
        let rows = try await connection.rows(
            """
            INSERT INTO shift (counter, number, operator, opening_float_paisa, opening_balance_paisa, opened_at, closed_at,
                counted_paisa, closing_balance_paisa, note, closing_report)
            VALUES (\(shift.counter), \(shift.number), \(shift.operatorName), \(shift.openingFloat.paisa), \(shift.openingBalance?.paisa),
                \(shift.openedAt.stored), \(shift.closedAt?.stored), \(shift.countedCash?.paisa), \(shift.closingBalance?.paisa),
                \(shift.note), \(reportText))
            RETURNING id
            """,
            logger: logger)
        let id = try rows[0].decode(Int64.self)
        for movement in item.cashMovements {
            try await connection.query(
                """
                INSERT INTO cash_movement (shift_id, direction, amount_paisa, reason, operator, at)
                VALUES (\(id), \(movement.direction.rawValue), \(movement.amount.paisa), \(movement.reason), \(movement.operatorName),
                    \(movement.at.stored))
                """,
                logger: logger)
        }
        for opening in item.drawerOpenings {
            try await connection.query(
                """
                INSERT INTO drawer_opening (shift_id, counter, at, reason, reference, operator)
                VALUES (\(id), \(opening.counter), \(opening.at.stored), \(opening.reason), \(opening.reference?.value), \(opening.operatorName))
                """,
                logger: logger)
        }
        return (id, true)
    }

    /// Inserts the payment with its events and printings, or finds it here already with
    /// the same contents; one that differs refuses the copy. Whether it was copied now.
    static func copyPayment(_ item: JournalSnapshot.PaymentItem, shiftID: Int64?, _ connection: PostgresConnection, logger: Logger)
        async throws -> Bool
    {
        let payment = item.record
        var statement = SQLStatement()
        if let existing = try await connection.payments(where: "reference = \(statement.bind(payment.reference.value))", statement, logger: logger).first {
            guard existing == payment.moved(toShift: shiftID) else { throw JournalError.referenceAlreadyUsed(payment.reference) }
            return false
        }
        let rows = try await connection.rows(
            """
            INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa, counter, operator,
                state, transaction_id, created_at, sent_at, updated_at, resolved_at, lookup_count, unknown_reference_lookups,
                next_lookup_at, first_lookup_at, refused_by_khalti, attention, owner, shift_id, khalti_account)
            VALUES (\(payment.reference.value), \(payment.khaltiEnvironment), \(payment.username.value), \(payment.customerName),
                \(payment.duration.months), \(payment.amount.paisa), \(payment.counter), \(payment.operatorName), \(payment.state.rawValue),
                \(payment.transactionID), \(payment.createdAt.stored), \(payment.sentAt?.stored), \(payment.updatedAt.stored),
                \(payment.resolvedAt?.stored), \(payment.lookupCount), \(payment.unknownReferenceLookups), \(payment.nextLookupAt?.stored),
                \(payment.firstLookupAt?.stored), \(payment.refusedByKhalti), \(payment.attention), \(payment.owner), \(shiftID),
                \(payment.khaltiAccount))
            RETURNING id
            """,
            logger: logger)
        let id = try rows[0].decode(Int64.self)
        for event in item.events {
            try await appendEvent(
                connection, paymentID: id, at: event.at, from: event.from, to: event.to, evidence: event.evidence, actor: event.actor,
                logger: logger)
        }
        for printing in item.printings {
            try await connection.query(
                """
                INSERT INTO receipt_printing (payment_id, at, reprint, new_expiry, destination)
                VALUES (\(id), \(printing.at.stored), \(printing.isReprint), \(printing.newExpiry?.stored), \(printing.destination))
                """,
                logger: logger)
        }
        return true
    }
}

/// Everything a journal holds, read through the store, before a copy writes anything.
struct JournalSnapshot: Sendable {
    struct ShiftItem: Sendable {
        let shift: Shift
        let cashMovements: [CashMovement]
        let drawerOpenings: [DrawerOpening]
    }

    struct PaymentItem: Sendable {
        let record: PaymentRecord
        let events: [PaymentEvent]
        let printings: [ReceiptPrinting]
    }

    let shifts: [ShiftItem]
    let payments: [PaymentItem]

    static func read(_ source: any JournalStore) async throws(JournalError) -> JournalSnapshot {
        var shifts: [ShiftItem] = []
        for shift in try await source.shifts(counter: nil, since: nil).sorted(by: { $0.id < $1.id }) {
            let activity = try await source.shiftActivity(id: shift.id, until: shift.closedAt ?? Date())
            shifts.append(ShiftItem(shift: shift, cashMovements: activity.cashMovements, drawerOpenings: activity.drawerOpenings))
        }
        var payments: [PaymentItem] = []
        for record in try await source.history(HistoryFilter()) {
            payments.append(PaymentItem(
                record: record, events: try await source.events(of: record.reference),
                printings: try await source.receiptPrintings(of: record.reference)))
        }
        return JournalSnapshot(shifts: shifts, payments: payments)
    }
}

extension PaymentRecord {
    /// The same payment in another journal, where its shift has another id.
    func moved(toShift shiftID: Int64?) -> PaymentRecord {
        PaymentRecord(
            reference: reference, khaltiEnvironment: khaltiEnvironment, username: username, customerName: customerName,
            duration: duration, amount: amount, counter: counter, operatorName: operatorName, state: state, transactionID: transactionID,
            createdAt: createdAt, sentAt: sentAt, updatedAt: updatedAt, resolvedAt: resolvedAt, lookupCount: lookupCount,
            unknownReferenceLookups: unknownReferenceLookups, nextLookupAt: nextLookupAt, firstLookupAt: firstLookupAt,
            refusedByKhalti: refusedByKhalti, attention: attention, owner: owner, shiftID: shiftID,
            khaltiAccount: khaltiAccount)
    }
}
