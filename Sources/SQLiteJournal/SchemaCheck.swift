import GRDB
import PaymentJournal

/// Looks at an existing file through a read-only connection before the journal opens
/// it for writing: a journal from a newer arrownet, or some other SQLite file, must be
/// refused without a single change, so the program that owns it finds it intact.
enum SchemaCheck {
    static func refuseIfNotOurs(path: String) throws(JournalError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        let found: (version: Int, identifiers: Set<String>, tables: Int)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            found = try queue.read { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                // GRDB creates its `grdb_migrations` table before running the first migration,
                // so another process setting the journal up can show that table alone.
                let tables = try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'") ?? 0
                let identifiers = try db.tableExists("grdb_migrations")
                    ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
                return (version, identifiers, tables)
            }
        } catch {
            // "file is not a database", a truncated file, and the like.
            throw .notAJournal(path: path)
        }
        try judge(path: path, version: found.version, identifiers: found.identifiers, tables: found.tables)
    }

    static func judge(path: String, version: Int, identifiers: Set<String>, tables: Int) throws(JournalError) {
        // An empty database (a file created but never migrated, or being set up by another
        // process right now) is ours to set up; the migrator takes the write lock.
        if tables == 0 && identifiers.isEmpty && version == 0 { return }
        let known = Set(JournalSchema.migrator().migrations)
        let ours = identifiers.filter { $0.hasPrefix(JournalSchema.identifierPrefix) }
        guard !ours.isEmpty, ours.count == identifiers.count else { throw .notAJournal(path: path) }
        if version > JournalSchema.currentVersion {
            throw .newerSchema(path: path, found: "version \(version)", known: JournalSchema.currentVersion)
        }
        if let unknown = ours.subtracting(known).sorted().first {
            throw .newerSchema(path: path, found: "\"\(unknown)\"", known: JournalSchema.currentVersion)
        }
    }
}
