import ArrownetDomain
import Foundation
import GRDB
import JournalTestSupport
import PaymentJournal
@testable import SQLiteJournal
import Testing

@Suite("SQLite journal: a version 5 journal is upgraded for Khalti accounts")
struct AccountMigrationTests {
    @Test("a held payment of the previous version opens without an account, takes the first claimer's, and keeps it")
    func fromVersion5() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-v5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(SQLiteJournal.fileName).path
        let old = try DatabaseQueue(path: path)
        let migrator = JournalSchema.migrator()
        let version5 = try #require(migrator.migrations.first { $0.hasPrefix("journal v5") })
        try migrator.migrate(old, upTo: version5)
        try await old.write { db in
            // Held as version 5 left it: sent, no answer, first lookup due.
            try db.execute(sql: """
                INSERT INTO shift (counter, number, operator, opening_float_paisa, opened_at)
                    VALUES ('c', 1, 'o', 0, '2025-01-01 04:00:00.000');
                INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa, counter,
                    operator, state, created_at, updated_at, shift_id) VALUES ('OLD5', 'sandbox', 'Pradhanang', 'A', 1, 100, 'c', 'o',
                    'prepared', '2025-01-01 04:15:00.000', '2025-01-01 04:15:00.000', 1);
                UPDATE payment SET state = 'sending' WHERE reference = 'OLD5';
                UPDATE payment SET state = 'held', first_lookup_at = '2025-01-01 04:20:00.000' WHERE reference = 'OLD5';
                """)
        }
        try old.close()

        let journal = try SQLiteJournal(path: path)
        defer { journal.closeNow() }
        #expect(try await journal.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == JournalSchema.currentVersion)
        let reference = try PaymentReference("OLD5")
        #expect(try await journal.payment(reference)?.khaltiAccount == nil)
        let time = JournalSamples.morning.addingTimeInterval(3600)
        let claimed = try await journal.claimLookups(
            in: "sandbox", account: JournalSamples.account, at: time, schedule: .all, claimUntil: time.addingTimeInterval(300))
        #expect(claimed.map(\.khaltiAccount) == [JournalSamples.account])
        #expect(try await journal.payment(reference)?.khaltiAccount == JournalSamples.account)
        // Once recorded, the account is the database's to keep: no statement changes it.
        await #expect(throws: (any Error).self) {
            try await journal.database.write { db in
                try db.execute(sql: "UPDATE payment SET khalti_account = 'another' WHERE reference = 'OLD5'")
            }
        }
    }
}
