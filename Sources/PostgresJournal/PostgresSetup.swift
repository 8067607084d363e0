import Logging
import PaymentJournal
import PostgresNIO

/// Creates or migrates the journal's tables, one counter at a time: several starting at
/// once on an empty database wait on an advisory lock, and the later ones find the
/// tables made. A database of a newer schema is refused before anything in it changes.
enum PostgresSetup {
    static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.setupLockKey))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS journal_schema (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                logger: logger)
            let rows = try await connection.query("SELECT coalesce(max(version), 0) FROM journal_schema", logger: logger).collect()
            let found = try rows.first?.decode(Int.self) ?? 0
            guard found <= PostgresSchema.currentVersion else {
                throw JournalError.newerSchema(path: location, found: String(found), known: PostgresSchema.currentVersion)
            }
            if found == 0 {
                // An empty database, or one that holds tables of another program's: refuse the latter.
                let foreign = try await connection.query(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('payment', 'shift')",
                    logger: logger
                ).collect()
                if try foreign.first?.decode(Int.self) ?? 0 > 0 { throw JournalError.notAJournal(path: location) }
            }
            for version in (found + 1)..<(PostgresSchema.currentVersion + 1) {
                for statement in statements(PostgresSchema.migrations[version - 1]) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO journal_schema (version) VALUES (\(version))", logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// A migration's statements, one at a time (the extended protocol takes one per
    /// query): split at a line ending in `;`, but not inside a `$$` function body;
    /// comment lines dropped.
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current: [Substring] = []
        var insideBody = false
        for line in script.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current.isEmpty, trimmed.isEmpty || trimmed.hasPrefix("--") { continue }
            current.append(line)
            if line.components(separatedBy: "$$").count % 2 == 0 { insideBody.toggle() }
            if !insideBody, trimmed.hasSuffix(";") {
                statements.append(current.joined(separator: "\n"))
                current = []
            }
        }
        let rest = current.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
