import ArrownetDomain
import Foundation
import GRDB
import ProcessLocks
import StoredDates

/// A payment the sandbox has validated and is about to record.
struct NewPayment: Sendable {
    let reference: String
    let username: String
    let amount: Money
    let duration: Int
    let initialState: SandboxPaymentState
    let settlesTo: SandboxPaymentState?
    let settleAfterLookups: Int
    let settleAfterSeconds: Int
}

enum PaymentRecording: Sendable, Equatable {
    case recorded(SandboxLedgerEntry)
    case duplicateReference
    case insufficientCredits(available: Money)
}

enum RefundOutcome: Sendable, Equatable {
    case refunded(SandboxLedgerEntry)
    case unknownReference
    /// Only a successful payment can be refunded by hand; a failed one already was.
    case notRefundable(SandboxPaymentState)
}

/// The sandbox's books: every payment, its state and refunds, and the balance, in SQLite.
///
/// Every operation is one write transaction that first settles whatever pending payment is
/// due by sandbox time, so what a call sees is always consistent with the clock, and no
/// background task is needed to move payments along.
final class SandboxLedger: Sendable {
    static let fileName = "sandbox-ledger.sqlite"

    private let database: DatabaseQueue

    /// Opens (or creates) the ledger in `directory`, or in memory when it is `nil`.
    ///
    /// Several processes may share one ledger file (every command with no token starts
    /// its own embedded sandbox on the same data folder): each waits for the others'
    /// transactions instead of failing with "database is locked", and one at a time sets
    /// a new file up.
    init(directory: URL?, openingBalance: Money) throws {
        guard let directory else {
            database = try DatabaseQueue()
            try Self.setUp(database, openingBalance: openingBalance)
            return
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(Self.fileName).path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try FileLock.withLock(path + ".lock") {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.setUp(queue, openingBalance: openingBalance)
            return queue
        }
    }

    private static func setUp(_ database: DatabaseQueue, openingBalance: Money) throws {
        try LedgerSchema.migrator().migrate(database)
        try database.write { db in try LedgerSchema.recordOpeningBalanceIfNew(openingBalance, in: db) }
    }

    func close() throws {
        try database.close()
    }

    func containsReference(_ reference: String) async throws -> Bool {
        try await database.read { db in
            try PaymentRow.filter(Column("reference") == reference).fetchCount(db) > 0
        }
    }

    /// Records a payment unless its reference is taken or the credits do not cover it.
    /// A payment that fails at once is refunded in the same transaction.
    func record(_ payment: NewPayment, now: Date) async throws -> PaymentRecording {
        try await database.write { db in
            try Self.settleDuePayments(now: now, in: db)
            if try PaymentRow.filter(Column("reference") == payment.reference).fetchCount(db) > 0 {
                return .duplicateReference
            }
            let available = try Self.balance(in: db).available
            guard payment.amount <= available else { return .insufficientCredits(available: available) }
            var row = PaymentRow(
                id: nil, reference: payment.reference, username: payment.username,
                amountPaisa: payment.amount.paisa, duration: payment.duration,
                state: payment.initialState, settlesTo: payment.settlesTo,
                settleAfterLookups: payment.settleAfterLookups, lookups: 0,
                settleDueAt: payment.settlesTo == nil ? nil : now.addingTimeInterval(TimeInterval(payment.settleAfterSeconds)),
                createdAt: now)
            try row.insert(db)
            if payment.initialState == .failed {
                try Self.refundInFull(row, remarks: "Transaction failed: amount returned", now: now, in: db)
            }
            return .recorded(try Self.entry(for: row, in: db))
        }
    }

    /// A status lookup of each reference: counts the lookup on pending payments and settles
    /// those that reached their lookup count. Unknown references are absent from the result.
    func lookUp(_ references: [String], now: Date) async throws -> [String: SandboxLedgerEntry] {
        try await database.write { db in
            try Self.settleDuePayments(now: now, in: db)
            var found: [String: SandboxLedgerEntry] = [:]
            for reference in references {
                guard var row = try PaymentRow.filter(Column("reference") == reference).fetchOne(db) else { continue }
                if row.settlesTo != nil {
                    row.lookups += 1
                    try row.update(db)
                    if row.lookups >= row.settleAfterLookups {
                        row = try Self.settle(row, now: now, in: db)
                    }
                }
                found[reference] = try Self.entry(for: row, in: db)
            }
            return found
        }
    }

    /// Settles every pending payment now. Returns how many moved.
    func settleAll(now: Date) async throws -> Int {
        try await database.write { db in
            let pending = try PaymentRow.filter(Column("settles_to") != nil).fetchAll(db)
            for row in pending {
                _ = try Self.settle(row, now: now, in: db)
            }
            return pending.count
        }
    }

    func entries(reference: String?, now: Date) async throws -> [SandboxLedgerEntry] {
        try await database.write { db in
            try Self.settleDuePayments(now: now, in: db)
            var request = PaymentRow.order(Column("id"))
            if let reference {
                request = request.filter(Column("reference") == reference)
            }
            return try request.fetchAll(db).map { try Self.entry(for: $0, in: db) }
        }
    }

    func balance(now: Date) async throws -> SandboxBalance {
        try await database.write { db in
            try Self.settleDuePayments(now: now, in: db)
            return try Self.balance(in: db)
        }
    }

    /// An operator's full refund of a successful payment.
    func refund(reference: String, remarks: String, now: Date) async throws -> RefundOutcome {
        try await database.write { db in
            try Self.settleDuePayments(now: now, in: db)
            guard let row = try PaymentRow.filter(Column("reference") == reference).fetchOne(db) else {
                return .unknownReference
            }
            guard row.state == .success, try Self.refunds(of: row, in: db).isEmpty else {
                return .notRefundable(row.state)
            }
            try Self.refundInFull(row, remarks: remarks, now: now, in: db)
            return .refunded(try Self.entry(for: row, in: db))
        }
    }

    // MARK: Inside a transaction

    private static func settleDuePayments(now: Date, in db: Database) throws {
        let due = try PaymentRow
            .filter(Column("settles_to") != nil && Column("settle_due_at") <= now.stored)
            .fetchAll(db)
        for row in due {
            _ = try settle(row, now: now, in: db)
        }
    }

    /// Moves a pending payment to its final state; a failure gives the money back.
    private static func settle(_ pending: PaymentRow, now: Date, in db: Database) throws -> PaymentRow {
        guard let finalState = pending.settlesTo else { return pending }
        var row = pending
        row.state = finalState
        row.settlesTo = nil
        row.settleDueAt = nil
        try row.update(db)
        if finalState == .failed {
            try refundInFull(row, remarks: "Transaction failed: amount returned", now: now, in: db)
        }
        return row
    }

    private static func refundInFull(_ row: PaymentRow, remarks: String, now: Date, in db: Database) throws {
        guard let paymentID = row.id else { return }
        var refund = RefundRow(id: nil, paymentID: paymentID, amountPaisa: row.amountPaisa, remarks: remarks, createdAt: now)
        try refund.insert(db)
    }

    private static func balance(in db: Database) throws -> SandboxBalance {
        let opening = try Int64.fetchOne(db, sql: "SELECT opening_balance_paisa FROM account WHERE id = 1") ?? 0
        let paid = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amount_paisa), 0) FROM payment") ?? 0
        let refunded = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(amount_paisa), 0) FROM refund") ?? 0
        let consumed = paid - refunded
        return SandboxBalance(available: Money(paisa: opening - consumed), consumed: Money(paisa: consumed))
    }

    private static func refunds(of row: PaymentRow, in db: Database) throws -> [RefundRow] {
        try RefundRow.filter(Column("payment_id") == row.id).order(Column("id")).fetchAll(db)
    }

    private static func entry(for row: PaymentRow, in db: Database) throws -> SandboxLedgerEntry {
        SandboxLedgerEntry(
            id: row.id ?? 0, reference: row.reference, username: row.username,
            amount: Money(paisa: row.amountPaisa), duration: row.duration, state: row.state,
            createdAt: row.createdAt, lookups: row.lookups,
            refunds: try refunds(of: row, in: db).map {
                SandboxRefund(amount: Money(paisa: $0.amountPaisa), remarks: $0.remarks, createdAt: $0.createdAt)
            })
    }
}
