import ArrownetDomain
import Foundation
import GRDB

/// The counter's durable record of every payment: the intent, written before anything
/// is sent, and an append-only log of every state change with its cause.
///
/// One SQLite file in WAL mode with `synchronous = FULL`: a write that returned is on
/// disk, even if the machine loses power the next instant. Several processes (two
/// counters, the console and `arrownet pay`) may share the file; the database itself
/// enforces the state machine and the one-open-payment-per-customer rule, so no
/// interleaving of them can break either.
public final class PaymentJournal: Sendable {
    /// The file name inside the data folder (`$ARROWNET_DATA_DIR/journal.sqlite`).
    public static let fileName = "journal.sqlite"
    /// The schema version this program writes.
    public static var schemaVersion: Int { JournalSchema.currentVersion }

    public let path: String
    let database: DatabasePool

    /// Opens the journal at `path`, creating it (and its folder) when missing and
    /// migrating an older one. A journal of a newer schema, or a file that is not a
    /// journal, is refused before anything in it changes.
    public init(path: String) throws(JournalError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        try JournalFiles.prepareFolder(folder.isEmpty ? "." : folder)
        let created = try JournalFiles.createIfMissing(path)
        if !created {
            try SchemaCheck.refuseIfNotOurs(path: path)
            try JournalFiles.tighten(path)
        }
        do {
            database = try DatabasePool(path: path, configuration: Self.configuration())
            // GRDB sets WAL's usual synchronous=NORMAL on the writer when it opens the
            // pool, which may lose the last commits on power loss. A payment intent must
            // survive it, so every commit of the (one, lasting) writer is synced.
            try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            try JournalSchema.migrator().migrate(database)
        } catch {
            throw .cannotOpen(path: path, reason: "its tables could not be set up: \(Self.reason(error))")
        }
        JournalFiles.tightenCompanions(of: path)
    }

    /// Closes the connections. Pending writes have already reached the disk.
    public func close() throws(JournalError) {
        do { try database.close() } catch { throw .writeFailed(Self.reason(error)) }
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
