import ArrownetDomain
import GRDB

/// The ledger's tables, built by a migrator so a ledger file from an older sandbox
/// upgrades in place instead of being thrown away.
enum LedgerSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: account, payment, refund") { db in
            // One row: the credits the ledger started with. Balance = opening - payments + refunds,
            // computed from the rows, so it can never drift from what the ledger records.
            try db.create(table: "account") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("opening_balance_paisa", .integer).notNull()
            }
            try db.create(table: "payment") { table in
                table.autoIncrementedPrimaryKey("id")
                // UNIQUE makes a second payment under one reference impossible, even if two
                // commits race: the database, not the handler, is the last word on 1013.
                table.column("reference", .text).notNull().unique()
                table.column("username", .text).notNull()
                table.column("amount_paisa", .integer).notNull().check { $0 > 0 }
                table.column("duration", .integer).notNull()
                table.column("state", .text).notNull()
                table.column("settles_to", .text)
                table.column("settle_after_lookups", .integer).notNull()
                table.column("lookups", .integer).notNull().defaults(to: 0)
                table.column("settle_due_at", .datetime)
                table.column("created_at", .datetime).notNull()
            }
            try db.create(index: "payment_pending", on: "payment", columns: ["settles_to"])
            try db.create(table: "refund") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("payment_id", .integer).notNull().indexed().references("payment", onDelete: .cascade)
                table.column("amount_paisa", .integer).notNull().check { $0 > 0 }
                table.column("remarks", .text).notNull()
                table.column("created_at", .datetime).notNull()
            }
        }
        return migrator
    }

    /// Records the opening balance the first time a ledger is created; a reopened
    /// ledger keeps the balance it had.
    static func recordOpeningBalanceIfNew(_ balance: Money, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO account (id, opening_balance_paisa) VALUES (1, ?)",
            arguments: [balance.paisa])
    }
}
