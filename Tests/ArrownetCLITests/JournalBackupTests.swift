import Foundation
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("arrownet journal backup: a consistent copy, checked")
struct JournalBackupTests {
    @Test("the backup holds the payments still in the WAL, which a copy of journal.sqlite alone misses")
    func backupHoldsWhatCopyMisses() async throws {
        let runner = try await BinaryRunner.ready()
        _ = try await runner.pay("Pradhanang")
        let path = runner.dataFolder.appendingPathComponent("journal.sqlite").path
        // A console left open on this journal: SQLite folds the WAL into the file only when the
        // last connection closes, so the next payments stay in journal.sqlite-wal.
        let console = try SQLiteJournal(path: path)
        defer { console.closeNow() }
        _ = try await runner.pay("duecustomer")
        _ = try await runner.pay("expired")
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(wal > 0, "the newest payments are in the WAL")

        let copied = runner.home.appendingPathComponent("copied/journal.sqlite")
        try FileManager.default.createDirectory(at: copied.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: copied.path)
        let copy = try SQLiteJournal(path: copied.path)
        let inCopy = try await copy.history(HistoryFilter()).count
        copy.closeNow()
        #expect(inCopy < 3, "cp journal.sqlite is not a backup (it had \(inCopy) of 3)")

        let backup = runner.home.appendingPathComponent("backup-1.sqlite")
        let result = try await runner.run(["journal", "backup", backup.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try jsonObject(result.stdout)
        #expect(object["payments"] as? Int == 3)
        #expect(object["outcome"] as? String == "written")
        #expect(!FileManager.default.fileExists(atPath: backup.path + "-wal"), "one file")
        let mode = try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Restored alone, the backup has every payment.
        let restored = runner.home.appendingPathComponent("restored/journal.sqlite")
        try FileManager.default.createDirectory(at: restored.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: backup, to: restored)
        let journal = try SQLiteJournal(path: restored.path)
        #expect(try await journal.history(HistoryFilter()).map(\.username.value) == ["Pradhanang", "duecustomer", "expired"])
        #expect(try await journal.receiptPrintings(of: try #require(try await journal.history(HistoryFilter()).first).reference).count == 1)
        journal.closeNow()

        let text = try await runner.run(["journal", "backup", runner.home.appendingPathComponent("backup-2.sqlite").path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Backup written and checked:") && text.stdout.contains("3 payments"))
    }

    @Test("a backup never writes over a file, nor into a folder that is not there (exit 64)")
    func refusals() async throws {
        let runner = try await BinaryRunner.ready()
        _ = try await runner.pay("Pradhanang")
        let existing = runner.home.appendingPathComponent("taken.sqlite")
        try Data("precious".utf8).write(to: existing)
        let over = try await runner.run(["journal", "backup", existing.path])
        #expect(over.status == 64)
        #expect(over.stderr.contains("already exists; a backup never writes over a file"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "precious")
        let nowhere = try await runner.run(["journal", "backup", "/nonexistent/folder/b.sqlite"])
        #expect(nowhere.status == 64)
        #expect(nowhere.stderr.contains("cannot be created"))
        let itself = try await runner.run(["journal", "backup", runner.dataFolder.appendingPathComponent("journal.sqlite").path])
        #expect(itself.status == 64)
    }
}
