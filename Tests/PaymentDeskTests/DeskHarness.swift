import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Synchronization

/// A desk over a real journal file and a real sandbox on loopback, with a clock the
/// test moves (the desk's clock; the sandbox settles Queued payments by lookups).
struct DeskHarness {
    let sandbox: RunningSandbox
    let api: KhaltiAPI
    let journal: any JournalStore
    let clock: TestClock
    let desk: PaymentDesk
    let folder: URL

    static let rules = ReconciliationRules()
    /// The counters the tests pay at, each with a shift open from the start.
    static let shiftCounters = ["counter-1", "c", "other"]

    static func with(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        rules: ReconciliationRules = DeskHarness.rules,
        timeouts: KhaltiTimeouts = KhaltiTimeouts(payment: 5),
        gateway: ((KhaltiAPI) -> KhaltiGateway)? = nil,
        hooks: DeskHooks = .none,
        _ body: (DeskHarness) async throws -> Void
    ) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-tests-\(UUID().uuidString)")
        let sandbox = try await RunningSandbox.start(configuration)
        let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: sandbox.baseURL), token: try KhaltiToken(SandboxToken.value), timeouts: timeouts)
        let journal = try SQLiteJournal(path: folder.appendingPathComponent(SQLiteJournal.fileName).path)
        let clock = TestClock()
        let desk = PaymentDesk(
            store: journal, gateway: gateway?(api) ?? .live(api), environment: .local(baseURL: sandbox.baseURL, token: .test), rules: rules,
            clock: { clock.now }, references: .sequential(prefix: "T"), calendar: kathmandu, hooks: hooks)
        let harness = DeskHarness(sandbox: sandbox, api: api, journal: journal, clock: clock, desk: desk, folder: folder)
        do {
            // Payments need an open shift at their counter.
            for counter in shiftCounters {
                _ = try await journal.openShift(ShiftOpening(
                    counter: counter, operatorName: "sita", openingFloat: Money(rupees: 1000), openingBalance: nil, at: clock.now))
            }
            try await body(harness)
        } catch {
            await harness.close()
            throw error
        }
        await harness.close()
    }

    func close() async {
        await api.shutdown()
        await sandbox.stop()
        await journal.close()
        try? FileManager.default.removeItem(at: folder)
    }

    static let kathmandu = CounterCalendar.nepal

    func account(_ name: String) async throws -> Account {
        try await api.accountDetails(for: try Username(name))
    }

    /// Pays the customer's plan as the console does: with `confirm`, the clerk saw
    /// every payment up to now; without, today's payments were not shown.
    func pay(_ name: String, months: PlanDuration = .oneMonth, confirm: Bool = true) async throws -> PaymentOutcome {
        let account = try await account(name)
        guard let plan = account.plan(for: months) else { throw HarnessError("\(name) has no \(months.label) plan") }
        return await desk.pay(
            account: account, plan: plan, counter: "counter-1", operator: "sita",
            unseenSince: confirm ? clock.now.addingTimeInterval(0.001) : desk.startOfToday())
    }

    func record(_ summary: PaymentSummary?) async throws -> PaymentRecord {
        guard let summary, let record = try await journal.payment(summary.reference) else { throw HarnessError("no record") }
        return record
    }

    func ledgerCount(_ summary: PaymentSummary?) async throws -> Int {
        guard let summary else { return -1 }
        return try await sandbox.ledgerEntries(reference: summary.reference.value).count
    }

    /// Moves the desk's clock and reconciles.
    func reconcile(after seconds: TimeInterval = 0, schedule: LookupSchedule = .due) async -> ReconcileReport {
        clock.advance(seconds)
        return await desk.reconcile(schedule: schedule)
    }
}

/// The desk's clock, moved by the test. Starts at the real now (to the second, as the
/// journal keeps milliseconds) so the sandbox's own time and the journal's agree on "today".
final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension PaymentOutcome {
    var state: PaymentState? { summary?.state }
}
