import Foundation
import JournalTestSupport
import PostgresJournal
import PostgresNIO
import Testing

/// A plain connection to a test database, as any program could open one (psql, a
/// script, a later arrownet with a bug): what the database refuses here, it refuses to
/// everyone, whatever the journal's own code checks first.
struct RawPostgres: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// The journal's tables, in the order their rows are fingerprinted.
    static let journalTables = ["journal_schema", "shift", "payment", "payment_event", "receipt_printing", "cash_movement", "drawer_opening"]

    /// Connects to `address` (the test server is on loopback, trust authentication, no TLS).
    static func connect(to address: PostgresAddress) async throws -> RawPostgres {
        RawPostgres(connection: try await PostgresTestServer.connect(to: address), logger: PostgresTestServer.logger)
    }

    /// Runs `body` with a connection to `address` and closes it afterwards, whatever happens.
    static func with<T: Sendable>(_ address: PostgresAddress, _ body: (RawPostgres) async throws -> T) async throws -> T {
        let raw = try await connect(to: address)
        do {
            let value = try await body(raw)
            try? await raw.connection.close()
            return value
        } catch {
            try? await raw.connection.close()
            throw error
        }
    }

    /// Every row of one statement (sent as it is: no binds, so several statements never
    /// hide in one call).
    @discardableResult
    func run(_ sql: String) async throws -> [PostgresRow] {
        try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect()
    }

    /// `run` for the tests' own set-up and checks: a failure names the statement and
    /// PostgreSQL's words, which PSQLError's description hides.
    @discardableResult
    func must(_ sql: String) async throws -> [PostgresRow] {
        do {
            return try await run(sql)
        } catch let error as PSQLError {
            throw SampleError("PostgreSQL refused \(sql): \(error.serverInfo?[.message] ?? String(reflecting: error))")
        }
    }

    /// The first column of the first row.
    func value<T: PostgresDecodable>(_ sql: String, as type: T.Type = T.self) async throws -> T {
        guard let row = try await must(sql).first else { throw SampleError("no row from \(sql)") }
        return try row.decode(T.self)
    }

    /// Each journal table's row count and a digest of every row, to show that a refused
    /// statement changed nothing at all (not just the row it aimed at).
    func fingerprint() async throws -> [String: String] {
        var prints: [String: String] = [:]
        for table in Self.journalTables {
            prints[table] = try await value(
                "SELECT count(*)::text || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM \(table) t", as: String.self)
        }
        return prints
    }

    /// How many rows each journal table holds.
    func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Self.journalTables { counts[table] = try await value("SELECT count(*)::int FROM \(table)", as: Int.self) }
        return counts
    }

    /// What the public schema holds (tables, indexes, sequences, functions, triggers) and
    /// every row of every table: a database left untouched has the same catalogue after.
    func catalogue() async throws -> String {
        let objects: String = try await value("""
            SELECT coalesce(string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname), '')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
            """)
        let functions: String = try await value("""
            SELECT coalesce(string_agg(p.proname, ',' ORDER BY p.proname), '')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
            """)
        let triggers: String = try await value("SELECT coalesce(string_agg(tgname, ',' ORDER BY tgname), '') FROM pg_trigger WHERE NOT tgisinternal")
        var rows: [String] = []
        for table in try await must("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename") {
            let name = try table.decode(String.self)
            rows.append(name + "=" + (try await value("SELECT count(*)::text || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \(name) t") as String))
        }
        return [objects, functions, triggers, rows.joined(separator: ",")].joined(separator: "\n")
    }

    /// The server's refusal of `sql`: its SQLSTATE, the constraint named, its message; nil
    /// when the statement went through.
    func refusal(_ sql: String) async -> Refusal? {
        do {
            try await run(sql)
            return nil
        } catch let error as PSQLError {
            return Refusal(
                sqlState: error.serverInfo?[.sqlState], constraint: error.serverInfo?[.constraintName],
                message: error.serverInfo?[.message] ?? String(reflecting: error))
        } catch {
            return Refusal(sqlState: nil, constraint: nil, message: String(reflecting: error))
        }
    }

    /// Expects the database to refuse `sql` with `sqlState` (and `constraint`, when named),
    /// leaving every journal table exactly as it was.
    func expectRefused(
        _ sql: String, _ sqlState: String, constraint: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try await fingerprint()
        let refused = await refusal(sql)
        #expect(refused?.sqlState == sqlState, "\(sql)\n→ \(refused.map(String.init(describing:)) ?? "accepted")", sourceLocation: sourceLocation)
        if let constraint {
            #expect(refused?.constraint == constraint, "\(sql)", sourceLocation: sourceLocation)
        }
        #expect(try await fingerprint() == before, "nothing changed: \(sql)", sourceLocation: sourceLocation)
    }

    /// Expects the database to accept `sql`: the control that shows a refusal beside it
    /// came from the rule under test, not from a mistake in the statement.
    func expectAccepted(_ sql: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        let refused = await refusal(sql)
        #expect(refused == nil, "\(sql)\n→ \(refused.map(String.init(describing:)) ?? "")", sourceLocation: sourceLocation)
    }
}

struct Refusal: Sendable, Equatable, CustomStringConvertible {
    let sqlState: String?
    let constraint: String?
    let message: String

    var description: String { "SQLSTATE \(sqlState ?? "?")\(constraint.map { " (\($0))" } ?? ""): \(message)" }
}

/// SQLSTATEs the journal's database answers with.
enum SQLState {
    /// The journal's triggers: `RAISE ... USING ERRCODE = 'check_violation'`, and CHECK constraints.
    static let checkViolation = "23514"
    static let uniqueViolation = "23505"
}

extension StoreFixture {
    /// The fixture's journal as the PostgreSQL store it is.
    var postgres: PostgresJournal {
        get throws {
            guard let journal = store as? PostgresJournal else { throw SampleError("the fixture's store is \(type(of: store)), not PostgreSQL") }
            return journal
        }
    }
}
