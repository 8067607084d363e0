import Foundation
import PaymentJournal
import PostgresJournal
import PostgresNIO

/// The PostgreSQL server the tests use: `ARROWNET_TEST_POSTGRES_URL`, a throwaway
/// cluster on loopback that scripts/test starts (scripts/postgres-test-cluster).
public enum PostgresTestServer {
    public static let urlVariable = "ARROWNET_TEST_POSTGRES_URL"

    /// Whether the PostgreSQL suites run: with a server, and always under CI (any
    /// non-empty `CI`), where a missing server is a failure, never a skip.
    public static var isExpected: Bool {
        let environment = ProcessInfo.processInfo.environment
        return !(environment[urlVariable] ?? "").isEmpty || !(environment["CI"] ?? "").isEmpty
    }

    /// The server's address, or a failure saying how to get one.
    public static func address() throws -> PostgresAddress {
        guard let text = ProcessInfo.processInfo.environment[urlVariable], !text.isEmpty else {
            throw SampleError(
                "\(urlVariable) is not set: run the suite with scripts/test, which starts a throwaway PostgreSQL server")
        }
        return try PostgresAddress(parsing: text)
    }

    /// The logger test connections use: PostgresNIO's own chatter stays out of the output.
    public static let logger: Logger = {
        var logger = Logger(label: "arrownet.test.postgres")
        logger.logLevel = .warning
        return logger
    }()

    /// A plain connection to a database on the test server (loopback, no TLS), as any
    /// program could open one: the tests' own set-up and raw SQL go through it.
    public static func connect(to address: PostgresAddress) async throws -> PostgresConnection {
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user,
            password: address.password(environment: ProcessInfo.processInfo.environment), database: address.database, tls: .disable)
        return try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    }

    /// Runs one statement on the server's own database, outside any transaction
    /// (CREATE and DROP DATABASE need that).
    static func administer(_ sql: String) async throws {
        let connection = try await connect(to: try address())
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw SampleError("PostgreSQL refused \(sql): \(String(reflecting: error))")
        }
        try await connection.close()
    }
}

/// A database of its own for one test, on the test server: tests run in parallel and
/// each starts from an empty journal.
public struct PostgresTestDatabase: Sendable {
    public let name: String
    public let address: PostgresAddress

    public static func create() async throws -> PostgresTestDatabase {
        let server = try PostgresTestServer.address()
        let name = "arrownet_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        try await PostgresTestServer.administer("CREATE DATABASE \(name)")
        let address = try PostgresAddress(parsing: "postgres://\(server.user)@\(server.host):\(server.port)/\(name)")
        return PostgresTestDatabase(name: name, address: address)
    }

    /// The database's URL, for processes started by a test.
    public var url: String { address.description }

    /// Drops it, closing any connection still open (a killed process's).
    public func drop() async {
        try? await PostgresTestServer.administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

extension Optional {
    /// The value, or a test failure naming what was missing.
    func unwrapped(_ what: String = "a value") throws -> Wrapped {
        guard let self else { throw SampleError("\(what) is missing") }
        return self
    }
}
