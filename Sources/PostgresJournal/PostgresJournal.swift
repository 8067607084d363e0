import ArrownetDomain
import Foundation
import Logging
import PaymentJournal
import PostgresNIO

/// The payment journal in PostgreSQL: many counters (and support agents on any machine)
/// on one journal.
///
/// Every guarantee of the SQLite journal holds here, enforced by the database
/// (`PostgresSchema`). Where SQLite serialises all writers, this store says which rows a
/// transaction must own:
/// - the paid-today check and the intent: a transaction-scoped advisory lock on the
///   customer (Khalti environment and lower-cased username), so two counters paying one
///   customer queue on it and the second finds the first's payment; the partial unique
///   index is the last word should anything slip past;
/// - each write to a payment locks its row (`FOR UPDATE`) before deciding;
/// - lookups are claimed with `FOR UPDATE SKIP LOCKED`: ten consoles reconciling at once
///   never look one payment up twice;
/// - a shift closes under an exclusive advisory lock on its counter's till that every
///   payment reaching a final state takes shared, so the Z report and the next shift's
///   "settled from earlier shifts" never both count, or both miss, a payment.
///
/// Liveness: the store holds a session-level advisory lock named after its owner on a
/// connection of its own, for as long as it is open. Recovery moves a payment only when
/// its owner's lock is free (the process is gone, on whatever machine) or the payment
/// has waited past the cutoff.
public final class PostgresJournal: JournalStore {
    public let address: PostgresAddress
    public let owner: String
    public var location: String { address.description }

    let client: PostgresClient
    private let runner: Task<Void, Never>
    /// Holds the owner's liveness lock; also the connection that set the schema up.
    private let ownerConnection: PostgresConnection
    let logger: Logger
    /// How long one journal call may wait for the database before it gives up (nothing is
    /// sent to Khalti after a journal call failed).
    let timeout: Duration

    /// Connects, sets up or checks the schema (refusing a newer one), and takes this
    /// owner's liveness lock. A server that cannot be reached, refuses the login or
    /// holds a newer journal is a sentence, never a hang: connecting gives up after
    /// `connectTimeout`.
    public static func open(
        _ address: PostgresAddress, environment: [String: String] = ProcessInfo.processInfo.environment,
        connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(20), maximumConnections: Int = 4
    ) async throws(JournalError) -> PostgresJournal {
        var logger = Logger(label: "arrownet.journal.postgres")
        // PostgresNIO logs queries and binds below info; the journal's rows are nobody's business in a log.
        logger.logLevel = .warning
        let password = address.password(environment: environment)
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try Self.connectionTLS(address)
        } catch {
            throw .cannotOpen(path: address.description, reason: "TLS could not be set up (\(error))")
        }
        var connectionConfiguration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: password, database: address.database, tls: tls)
        connectionConfiguration.options.connectTimeout = .init(connectTimeout)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 1, logger: logger)
        } catch {
            throw .cannotOpen(path: address.description, reason: Self.reason(error))
        }
        let owner = Self.newOwner()
        do {
            try await PostgresSetup.migrate(connection, location: address.description, logger: logger)
            try await connection.query("SELECT pg_advisory_lock(hashtextextended(\(PostgresJournal.ownerLockName(owner)), 0))", logger: logger)
        } catch {
            try? await connection.close()
            if let error = error as? JournalError { throw error }
            throw .cannotOpen(path: address.description, reason: Self.reason(error))
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: password, database: address.database,
            tls: Self.clientTLS(address))
        clientConfiguration.options.maximumConnections = maximumConnections
        clientConfiguration.options.connectTimeout = connectTimeout
        return PostgresJournal(
            address: address, owner: owner, client: PostgresClient(configuration: clientConfiguration, backgroundLogger: logger),
            ownerConnection: connection, logger: logger, timeout: timeout)
    }

    private init(
        address: PostgresAddress, owner: String, client: PostgresClient, ownerConnection: PostgresConnection, logger: Logger,
        timeout: Duration
    ) {
        self.address = address
        self.owner = owner
        self.client = client
        self.ownerConnection = ownerConnection
        self.logger = logger
        self.timeout = timeout
        runner = Task { await client.run() }
    }

    public func close() async {
        runner.cancel()
        _ = await runner.value
        // Closing the session gives up the owner's lock: from now on recovery may take over.
        try? await ownerConnection.close()
    }

    /// `host-pidN-random`: unique for ever, and says where a payment was written from.
    static func newOwner() -> String {
        var random = SystemRandomNumberGenerator()
        let host = ProcessInfo.processInfo.hostName.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }.prefix(32)
        return "\(host.isEmpty ? "host" : String(host))-pid\(getpid())-\(String(random.next() as UInt64, radix: 16))"
    }

    private static func connectionTLS(_ address: PostgresAddress) throws -> PostgresConnection.Configuration.TLS {
        switch address.tlsMode {
        case .disable: return .disable
        case .prefer: return .prefer(try NIOSSLContext(configuration: tlsConfiguration(address)))
        case .require, .verifyFull: return .require(try NIOSSLContext(configuration: tlsConfiguration(address)))
        }
    }

    private static func clientTLS(_ address: PostgresAddress) -> PostgresClient.Configuration.TLS {
        switch address.tlsMode {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration(address))
        case .require, .verifyFull: .require(tlsConfiguration(address))
        }
    }

    /// `require` encrypts without checking who answers (libpq's meaning); `verify-full`
    /// checks the certificate against the system's authorities and the host name.
    private static func tlsConfiguration(_ address: PostgresAddress) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if address.tlsMode != .verifyFull { configuration.certificateVerification = .none }
        return configuration
    }

    /// PostgreSQL's words for a failure: the server's message and SQLSTATE, or what went
    /// wrong with the connection. PSQLError's own description is deliberately opaque.
    static func reason(_ error: any Error) -> String {
        if let error = error as? JournalError { return error.description }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + state
            }
            switch error.code {
            case .connectionError:
                return "the database server cannot be reached" + (error.underlying.map { ": \($0)" } ?? "")
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return "the connection to the database server was lost"
            case .sslUnsupported:
                return "the database server does not offer TLS"
            case .authMechanismRequiresPassword:
                return "the database server wants a password: put it in PGPASSWORD or ~/.pgpass"
            default:
                return "PostgreSQL: \(error.code)"
            }
        }
        if let error = error as? PostgresDecodingError { return "a value did not read back (\(error.code), column \(error.columnName))" }
        return String(describing: error)
    }

    /// Whether the error is a unique index refusing a row (SQLSTATE 23505).
    static func isUniqueViolation(_ error: any Error) -> Bool {
        (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
    }
}
