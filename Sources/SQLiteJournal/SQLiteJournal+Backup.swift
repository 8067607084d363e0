import Foundation
import GRDB
import PaymentJournal

/// A journal backup that was written and then checked by reading it back.
public struct JournalBackup: Sendable, Hashable {
    public let path: String
    public let payments: Int
    public let events: Int
    public let receiptPrintings: Int
    public let bytes: Int64
    public let schemaVersion: Int
}

/// Why a backup was not made, or not trusted. Each is a sentence for a shop owner.
public enum JournalBackupError: Error, Equatable, Sendable, CustomStringConvertible {
    case destinationExists(String)
    case cannotCreate(path: String, reason: String)
    case copyFailed(String)
    case checkFailed(path: String, problem: String)

    public var description: String {
        switch self {
        case .destinationExists(let path):
            "\(path) already exists; a backup never writes over a file. Give a new name (the date in it helps)."
        case .cannotCreate(let path, let reason):
            "The backup \(path) cannot be created (\(reason)). Check that its folder exists and this user may write there."
        case .copyFailed(let reason):
            "The journal could not be copied (\(reason)). Nothing was changed in it; try again."
        case .checkFailed(let path, let problem):
            "The backup \(path) was written but does not read back as a whole journal (\(problem)). Do not rely on it: "
                + "remove it and try again."
        }
    }
}

extension SQLiteJournal {
    /// Copies the journal, WAL included, as one consistent snapshot into a new file at
    /// `path` (SQLite's backup API; payments may go on meanwhile), then reads the copy back:
    /// integrity check, this program's schema, and the same number of payments, events and
    /// receipt printings as the snapshot had. The copy is one self-contained file (rollback
    /// journal mode, no `-wal` beside it), mode 0600.
    ///
    /// Copying `journal.sqlite` alone is not a backup: in WAL mode the latest payments are
    /// in `journal.sqlite-wal` until a checkpoint, and a copy taken during a write can be torn.
    public func backup(to path: String) async throws(JournalBackupError) -> JournalBackup {
        try Self.createEmpty(path)
        let counts: Counts
        do {
            counts = try await database.read { source in
                let counts = try Counts(source)
                let destination = try DatabaseQueue(path: path)
                try destination.writeWithoutTransaction { copy in
                    try source.backup(to: copy)
                    // The copy stands alone: no WAL file needs to travel with it.
                    try copy.execute(sql: "PRAGMA journal_mode = DELETE")
                }
                try destination.close()
                return counts
            }
        } catch {
            unlink(path)
            throw .copyFailed(Self.reason(error))
        }
        return try Self.check(path, expecting: counts)
    }

    struct Counts: Equatable, Sendable {
        let payments: Int
        let events: Int
        let receiptPrintings: Int
        let version: Int

        init(_ db: Database) throws {
            payments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") ?? 0
            events = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment_event") ?? 0
            receiptPrintings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipt_printing") ?? 0
            version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        }
    }

    /// A new, empty file, 0600 before SQLite writes a byte; never an existing one.
    static func createEmpty(_ path: String) throws(JournalBackupError) {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, JournalFiles.fileMode)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .destinationExists(path) }
            throw .cannotCreate(path: path, reason: JournalFiles.errnoText())
        }
        defer { _ = Foundation.close(descriptor) }
        guard fchmod(descriptor, JournalFiles.fileMode) == 0 else {
            let reason = JournalFiles.errnoText()
            unlink(path)
            throw .cannotCreate(path: path, reason: reason)
        }
    }

    /// Reads the copy back through a read-only connection of its own.
    static func check(_ path: String, expecting counts: Counts) throws(JournalBackupError) -> JournalBackup {
        do {
            try SchemaCheck.refuseIfNotOurs(path: path)
        } catch {
            throw .checkFailed(path: path, problem: error.description)
        }
        var configuration = Configuration()
        configuration.readonly = true
        let found: (integrity: String, counts: Counts)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            found = try queue.read { db in
                (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer", try Counts(db))
            }
        } catch {
            throw .checkFailed(path: path, problem: reason(error))
        }
        guard found.integrity == "ok" else { throw .checkFailed(path: path, problem: "integrity check: \(found.integrity.prefix(200))") }
        guard found.counts == counts else {
            throw .checkFailed(
                path: path,
                problem: "it has \(found.counts.payments) payments and \(found.counts.events) events; the journal had "
                    + "\(counts.payments) and \(counts.events)")
        }
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int64(info.st_size) : 0
        return JournalBackup(
            path: path, payments: counts.payments, events: counts.events, receiptPrintings: counts.receiptPrintings,
            bytes: bytes, schemaVersion: counts.version)
    }
}
