import ArrownetDomain
import Foundation
import GRDB
import PaymentJournal
import ProcessLocks

/// The payment journal in one SQLite file: the embedded default for one counter.
///
/// WAL mode with `synchronous = FULL`: a write that returned is on disk, even if the
/// machine loses power the next instant. Several processes (the console, `arrownet pay`,
/// a second console on the same machine) may share the file: every write is an
/// IMMEDIATE transaction, and the database itself enforces the state machine and the
/// one-open-payment-per-customer rule, so no interleaving of them can break either.
public final class SQLiteJournal: JournalStore {
    /// The file name inside the data folder (`$ARROWNET_DATA_DIR/journal.sqlite`).
    public static let fileName = "journal.sqlite"
    /// The schema version this program writes.
    public static var schemaVersion: Int { JournalSchema.currentVersion }

    public let path: String
    public let owner: String
    public var location: String { path }

    let database: DatabasePool
    let owners: OwnerLocks
    private let ownerLock: FileLock

    /// Opens the journal at `path`, creating it (and its folder) when missing and
    /// migrating an older one. A journal of a newer schema, or a file that is not a
    /// journal, is refused before anything in it changes. Safe when several processes
    /// open a new folder at the same moment: setting up is done under a lock.
    public init(path: String) throws(JournalError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        try JournalFiles.prepareFolder(folder.isEmpty ? "." : folder)
        // One process at a time creates, checks and migrates the file; the others wait
        // and then find it ready (two at once used to fail with "table payment already exists").
        let setup: FileLock
        do { setup = try FileLock.acquire(path + ".lock") } catch { throw .cannotOpen(path: path, reason: error.reason) }
        defer { setup.release() }
        let created = try JournalFiles.createIfMissing(path)
        if !created {
            try SchemaCheck.refuseIfNotOurs(path: path)
            try JournalFiles.tighten(path)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: Self.configuration())
            // GRDB sets WAL's usual synchronous=NORMAL on the writer when it opens the
            // pool, which may lose the last commits on power loss. A payment intent must
            // survive it, so every commit of the (one, lasting) writer is synced.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            try JournalSchema.migrator().migrate(pool)
        } catch {
            throw .cannotOpen(path: path, reason: "its tables could not be set up: \(Self.reason(error))")
        }
        JournalFiles.tightenCompanions(of: path)
        database = pool
        owners = OwnerLocks(journalPath: path)
        owner = OwnerLocks.newOwner()
        ownerLock = try owners.hold(owner)
    }

    public func close() async {
        closeNow()
    }

    /// `close()` for callers that cannot wait (a test's cleanup): nothing here waits anyway.
    public func closeNow() {
        try? database.close()
        ownerLock.release(removingFile: true)
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "arrownet.journal"
        // Another counter may be writing: wait for it rather than fail the payment.
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// SQLite's words for a failure, without the SQL (which holds nothing secret, but is noise).
    static func reason(_ error: any Error) -> String {
        if let error = error as? JournalError { return error.description }
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return String(describing: error)
    }

    // MARK: Plumbing with typed errors

    /// One IMMEDIATE write transaction (GRDB's default for writes): other processes wait
    /// for it, so a check and the write that depends on it cannot be interleaved.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        do {
            return try await database.write(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .writeFailed(Self.reason(error))
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JournalError) -> T {
        do {
            return try await database.read(body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw .readFailed(Self.reason(error))
        }
    }
}
