import ArrownetDomain
import Foundation
import Logging

/// Everything that decides how one sandbox instance behaves.
public struct SandboxConfiguration: Sendable {
    /// Address to bind. The admin endpoints under `/__sandbox/` are served only on loopback.
    public var host: String
    /// 0 asks the system for a free port; `RunningSandbox.port` tells which one it got.
    public var port: Int
    /// Folder for `sandbox-ledger.sqlite`. `nil` keeps the ledger in memory (tests).
    public var dataDirectory: URL?
    /// The customers it knows; `nil` means the seeded `Resources/sandbox-customers.json`.
    public var customers: [SandboxCustomer]?
    /// Credits of a brand-new ledger. A ledger reopened from `dataDirectory` keeps its own.
    public var openingBalance: Money
    /// Faults in force from the first request on.
    public var faults: [FaultRule]
    /// Sandbox time after which a Queued payment settles, whatever the lookups
    /// (a customer's `settle_after_seconds` overrides it).
    public var settleQueuedAfterSeconds: Int
    public var clock: SandboxClock
    /// Silent by default: in the console the terminal belongs to the screen, not to logs.
    public var logger: Logger
    /// Larger request bodies are answered with error 1015 instead of being read.
    public var maximumRequestBodyBytes: Int
    /// Khalti's published answer shapes (the default) or the protocol's plain ones.
    public var shapes: AnswerShapes
    /// A second token the sandbox accepts, as a second Khalti account that sees only its
    /// own payments (the first account's references are unknown to it, and its to the
    /// first). nil: one account, `SandboxToken.value`.
    public var secondAccountToken: String?

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        dataDirectory: URL? = nil,
        customers: [SandboxCustomer]? = nil,
        openingBalance: Money = Money(rupees: 100_000),
        faults: [FaultRule] = [],
        settleQueuedAfterSeconds: Int = 20,
        clock: SandboxClock = .system,
        logger: Logger = Logger(label: "arrownet.sandbox", factory: { _ in SwiftLogNoOpLogHandler() }),
        maximumRequestBodyBytes: Int = 64 * 1024,
        shapes: AnswerShapes = .published,
        secondAccountToken: String? = nil
    ) {
        self.secondAccountToken = secondAccountToken
        self.shapes = shapes
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.customers = customers
        self.openingBalance = openingBalance
        self.faults = faults
        self.settleQueuedAfterSeconds = settleQueuedAfterSeconds
        self.clock = clock
        self.logger = logger
        self.maximumRequestBodyBytes = maximumRequestBodyBytes
    }
}
