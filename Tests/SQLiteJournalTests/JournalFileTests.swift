import ArrownetDomain
import Foundation
import GRDB
import Testing
import PaymentJournal
@testable import SQLiteJournal

@Suite("Journal file: durability settings, permissions, migrations")
struct JournalFileTests {
    @Test("WAL with synchronous FULL")
    func durability() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let settings = try await fixture.journal.database.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(settings.0 == "wal")
        #expect(settings.1 == 2, "2 is FULL")
    }

    @Test("the folder is made 0700 and the database and its WAL files 0600")
    func permissions() async throws {
        let fixture = try JournalFixture(subfolder: "nested/deeper")
        defer { fixture.remove() }
        try await fixture.payment("M1", in: .paid)
        #expect(mode(of: fixture.folder.path) == 0o700)
        for suffix in ["", "-wal", "-shm"] {
            #expect(FileManager.default.fileExists(atPath: fixture.path + suffix), "\(suffix)")
            #expect(mode(of: fixture.path + suffix) == 0o600, "journal.sqlite\(suffix)")
        }
    }

    @Test("an open folder and file of ours are tightened on open")
    func tightening() throws {
        let fixture = try JournalFixture()
        let path = fixture.path
        fixture.journal.closeNow()
        defer { fixture.remove() }
        chmod(fixture.folder.path, 0o755)
        chmod(path, 0o644)
        let reopened = try SQLiteJournal(path: path)
        reopened.closeNow()
        #expect(mode(of: fixture.folder.path) == 0o700)
        #expect(mode(of: path) == 0o600)
    }

    @Test("a new file is migrated to the current version; a reopened one keeps its payments")
    func migration() async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        try await fixture.payment("K1", in: .paid)
        fixture.journal.closeNow()
        let reopened = try SQLiteJournal(path: fixture.path)
        defer { reopened.closeNow() }
        #expect(try await reopened.payment(try PaymentReference("K1"))?.state == .paid)
        let (version, applied) = try await reopened.database.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try JournalSchema.migrator().appliedMigrations(db))
        }
        #expect(version == SQLiteJournal.schemaVersion)
        #expect(applied == JournalSchema.migrator().migrations)
    }

    @Test("an empty file (created, never set up) is set up")
    func emptyFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-empty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("journal.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let journal = try SQLiteJournal(path: path)
        defer { journal.closeNow() }
        #expect(try await journal.history(HistoryFilter()).isEmpty)
    }

    @Test("a journal of a newer schema is refused with a clear message and left byte for byte as it was")
    func newerSchemaRefused() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        fixture.journal.closeNow()
        // What a newer arrownet would leave: a higher version and a migration this one does not know.
        let newer = try DatabaseQueue(path: fixture.path)
        try newer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('journal v99: refunds')")
            try db.execute(sql: "PRAGMA user_version = 99")
        }
        try newer.close()
        try expectRefusedUntouched(fixture.path) { error in
            guard case .newerSchema(_, let found, let known) = error else { return false }
            return found == "version 99" && known == SQLiteJournal.schemaVersion
                && error.description.contains("written by a newer arrownet") && error.description.contains("left untouched")
        }
    }

    @Test("a newer migration without a version bump is refused too")
    func unknownMigrationRefused() throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        fixture.journal.closeNow()
        let newer = try DatabaseQueue(path: fixture.path)
        try newer.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('journal v2b: hotfix')") }
        try newer.close()
        try expectRefusedUntouched(fixture.path) { error in
            if case .newerSchema(_, let found, _) = error { return found.contains("journal v2b") }
            return false
        }
    }

    /// GRDB creates `grdb_migrations` before the first migration: a second process
    /// opening the journal at that moment must not call it foreign.
    @Test("a journal another process is just setting up is opened, not refused")
    func beingSetUp() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-setup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("journal.sqlite").path
        let halfway = try DatabaseQueue(path: path)
        try halfway.write { db in try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        try halfway.close()
        let journal = try SQLiteJournal(path: path)
        journal.closeNow()
    }

    @Test("another SQLite file, or a file that is not SQLite, is refused and left alone")
    func notAJournal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        let ledger = folder.appendingPathComponent("ledger.sqlite").path
        let other = try DatabaseQueue(path: ledger)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: account, payment, refund") { db in try db.execute(sql: "CREATE TABLE account (id INTEGER)") }
        try migrator.migrate(other)
        try other.close()
        try expectRefusedUntouched(ledger) { $0 == .notAJournal(path: ledger) }

        let text = folder.appendingPathComponent("notes.sqlite").path
        #expect(FileManager.default.createFile(atPath: text, contents: Data("not a database, just notes\n".utf8)))
        try expectRefusedUntouched(text) { $0 == .notAJournal(path: text) }
    }

    private func expectRefusedUntouched(_ path: String, _ matches: (JournalError) -> Bool) throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modeBefore = mode(of: path)
        do {
            let journal = try SQLiteJournal(path: path)
            journal.closeNow()
            Issue.record("\(path) was opened")
        } catch {
            #expect(matches(error), "got: \(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file's bytes are unchanged")
        #expect(mode(of: path) == modeBefore, "not even its mode changes")
    }
}
