import ArrownetDomain
import Foundation
import GRDB
import JournalTestSupport
import PaymentJournal
import Testing
@testable import SQLiteJournal

@Suite("SQLite journal: receipt printings are append-only; backups")
struct JournalBackupUnitTests {
    @Test("receipt printings can be neither changed nor removed, even in raw SQL")
    func appendOnly() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let paid = try await fixture.payment("B1", in: .paid)
        try await fixture.journal.recordReceiptPrinting(
            ReceiptPrinting(at: JournalFixture.morning, isReprint: false, newExpiry: nil, destination: "x"), of: paid.reference)
        let queue = try DatabaseQueue(path: fixture.path)
        defer { try? queue.close() }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "UPDATE receipt_printing SET reprint = 1") } }
        #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: "DELETE FROM receipt_printing") } }
        #expect(try await fixture.journal.receiptPrintings(of: paid.reference).count == 1)
    }

    @Test("a backup is one checked file of the current schema, taken while another connection keeps the WAL")
    func backup() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("B1", in: .paid)
        try await fixture.payment("B2", in: .held, username: "duecustomer")
        let target = fixture.folder.appendingPathComponent("copy.sqlite").path
        let backup = try await fixture.journal.backup(to: target)
        #expect(backup.payments == 2)
        #expect(backup.events == 6, "prepared, sending and the answer, for each")
        #expect(backup.schemaVersion == SQLiteJournal.schemaVersion)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let copy = try DatabaseQueue(path: target)
        #expect(try await copy.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete", "no WAL to carry along")
        try copy.close()
        await #expect(throws: JournalBackupError.destinationExists(target)) { try await fixture.journal.backup(to: target) }
    }
}

@Suite("SQLite journal: a version 2 journal is upgraded for receipt printings")
struct ReceiptPrintingMigrationTests {
    @Test("a journal written by the previous version opens, keeps its payments, and records printings")
    func fromVersion2() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(SQLiteJournal.fileName).path
        let old = try DatabaseQueue(path: path)
        let migrator = JournalSchema.migrator()
        let version2 = try #require(migrator.migrations.first { $0.hasPrefix("journal v2") })
        try migrator.migrate(old, upTo: version2)
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa, counter,
                    operator, state, created_at, updated_at) VALUES ('OLD1', 'sandbox', 'Pradhanang', 'A', 1, 100, 'c', 'o',
                    'prepared', '2025-01-01 04:15:00.000', '2025-01-01 04:15:00.000')
                """)
        }
        #expect(try await old.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 2)
        try old.close()

        let journal = try SQLiteJournal(path: path)
        defer { journal.closeNow() }
        let reference = try PaymentReference("OLD1")
        #expect(try await journal.payment(reference)?.customerName == "A")
        let printing = ReceiptPrinting(at: Date(timeIntervalSince1970: 1_735_705_800), isReprint: false, newExpiry: nil, destination: "x")
        try await journal.recordReceiptPrinting(printing, of: reference)
        #expect(try await journal.receiptPrintings(of: reference) == [printing])
    }
}
