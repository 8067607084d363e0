import ArrownetDomain
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Why a sandbox did not start.
public struct SandboxStartError: Error, CustomStringConvertible {
    public let description: String
}

/// A sandbox server that is listening. Start one with `start(_:)`, stop it with `stop()`.
///
/// Many may run in one process at once (each test its own, on its own free port): they
/// share nothing but the event loop group.
public final class RunningSandbox: Sendable {
    public let host: String
    /// The port it listens on (the real one when the configuration asked for port 0).
    public let port: Int
    private let service: KhaltiService
    private let faults: FaultBoard
    private let commits: CommitRequests
    private let serverTask: Task<Void, Never>
    private let serviceGroup: ServiceGroup

    /// `http://127.0.0.1:PORT`, no trailing slash.
    public var baseURL: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return "http://\(hostPart):\(port)"
    }

    private init(
        host: String, port: Int, service: KhaltiService, faults: FaultBoard, commits: CommitRequests, serverTask: Task<Void, Never>,
        serviceGroup: ServiceGroup
    ) {
        self.commits = commits
        self.serviceGroup = serviceGroup
        self.host = host
        self.port = port
        self.service = service
        self.faults = faults
        self.serverTask = serverTask
    }

    /// Opens the ledger, binds, and returns once the server accepts connections,
    /// so a client may connect straight away.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> RunningSandbox {
        let customers = try configuration.customers ?? SandboxCustomer.seededCustomers()
        try SandboxCustomer.validate(customers)
        let ledger = try SandboxLedger(directory: configuration.dataDirectory, openingBalance: configuration.openingBalance)
        let service = KhaltiService(
            customers: customers, ledger: ledger, clock: configuration.clock,
            settleQueuedAfterSeconds: configuration.settleQueuedAfterSeconds, shapes: configuration.shapes, logger: configuration.logger,
            secondAccount: configuration.secondAccountToken.map(SecondAccount.init(token:)))
        let faults = FaultBoard(configuration.faults)

        let router = Router(context: SandboxRequestContext.self)
        let commits = CommitRequests()
        KhaltiRoutes(
            service: service, faults: faults, commits: commits, maximumBodyBytes: configuration.maximumRequestBodyBytes,
            logger: configuration.logger)
            .register(on: router)
        if isLoopback(configuration.host) {
            AdminRoutes(service: service, faults: faults).register(on: router)
        }

        let listening = ListeningSignal()
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in listening.succeed(port: channel.localAddress?.port ?? configuration.port) },
            logger: configuration.logger)
        // The server runs until stop() asks for a graceful shutdown: it stops accepting,
        // lets requests in flight finish and closes every connection. Cancelling the task
        // instead can trap in NIO on a connection accepted but not yet served.
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [application], gracefulShutdownSignals: [], cancellationSignals: [], logger: configuration.logger))
        let serverTask = Task {
            do {
                try await serviceGroup.run()
                listening.fail(SandboxStartError(description: "the server stopped before it was listening"))
            } catch {
                listening.fail(error)
            }
        }
        do {
            let port = try await listening.wait()
            configuration.logger.info("sandbox listening", metadata: ["host": "\(configuration.host)", "port": "\(port)"])
            return RunningSandbox(host: configuration.host, port: port, service: service, faults: faults, commits: commits, serverTask: serverTask, serviceGroup: serviceGroup)
        } catch {
            serverTask.cancel()
            await serverTask.value
            try? ledger.close()
            throw error
        }
    }

    /// Stops accepting, closes open connections, waits for the server to finish and
    /// closes the ledger. Calling it twice is harmless.
    public func stop() async {
        await serviceGroup.triggerGracefulShutdown()
        await serverTask.value
        try? service.ledger.close()
    }

    // MARK: Faults

    /// Puts a fault rule in force; returns its id (as listed by `faultStatuses()`).
    @discardableResult
    public func add(_ rule: FaultRule) -> Int { faults.add(rule) }

    public func clearFaults() { faults.clear() }

    /// Every reference the second account's lookups asked about (see
    /// `SandboxConfiguration.secondAccountToken`), in order, once per request; empty
    /// without a second account.
    public func secondAccountLookups() -> [String] { service.secondAccount?.lookedUp ?? [] }

    /// How many commit requests reached the sandbox for each reference, counted as they
    /// arrived (a refused resend and a request a fault dropped included).
    public func commitRequests() -> [String: Int] { commits.byReference }

    /// Takes the rule with this id out; false when there is none.
    @discardableResult
    public func remove(_ faultID: Int) -> Bool { faults.remove(faultID) }

    /// Every rule in force and how often it fired.
    public func faultStatuses() -> [FaultStatus] { faults.statuses() }

    // MARK: Ledger

    /// Settles every Queued payment now (to Success or Failed, per customer). Returns how many.
    @discardableResult
    public func settleAll() async throws -> Int {
        try await service.ledger.settleAll(now: service.clock.now())
    }

    /// The payments under `reference` (zero or one, since references are unique), or all
    /// payments when `reference` is nil.
    public func ledgerEntries(reference: String? = nil) async throws -> [SandboxLedgerEntry] {
        try await service.ledger.entries(reference: reference, now: service.clock.now())
    }

    public func balance() async throws -> SandboxBalance {
        try await service.ledger.balance(now: service.clock.now())
    }

    /// Refunds a successful payment in full, as Khalti support would. Returns the entry
    /// afterwards, or nil when no payment has the reference or it cannot be refunded.
    @discardableResult
    public func refund(reference: String, remarks: String = "Refunded by operator") async throws -> SandboxLedgerEntry? {
        if case .refunded(let entry) = try await service.ledger.refund(reference: reference, remarks: remarks, now: service.clock.now()) {
            return entry
        }
        return nil
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
