import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import KhaltiClient
import KhaltiSandbox
import LiveConsole
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Synchronization

/// A counter as it runs at a desk, minus the screen: the console driver with the live
/// environment, against a real sandbox on loopback, a real journal file and a receipt
/// printer saving into a temporary data folder.
///
/// One clock, moved by the test, stamps keys and the desk's journal entries alike, so
/// the confirmation's guard and the desk's lookup windows pass without sleeping. It
/// starts at the real now (to the second) so the sandbox's own time agrees on "today".
struct LiveCounter {
    let sandbox: RunningSandbox
    let api: KhaltiAPI
    let journal: SQLiteJournal
    let desk: PaymentDesk
    let clock: ManualClock
    let driver: ConsoleDriver
    let dataFolder: URL
    let environment: ConsoleEnvironment

    static let openingBalance = Money(rupees: 100_000)

    /// `openShifts`: the counters whose shift is open before the console starts (the
    /// console's own is Counter 1; Counter 2 shares the journal).
    /// `printer`: the receipt printer for the data folder (default: receipt files there).
    static func with(
        faults: [FaultRule] = [], token: String = SandboxToken.value, openShifts: [String] = ["Counter 1", "Counter 2"],
        printer makePrinter: ((URL) -> ReceiptPrinter)? = nil, _ body: (LiveCounter) async throws -> Void
    ) async throws {
        let dataFolder = FileManager.default.temporaryDirectory.appendingPathComponent("console-flow-\(UUID().uuidString)")
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(openingBalance: openingBalance, faults: faults))
        let api = try KhaltiAPI(
            endpoint: try KhaltiEndpoint(parsing: sandbox.baseURL), token: try KhaltiToken(token),
            timeouts: KhaltiTimeouts(payment: 5))
        let journal = try SQLiteJournal(path: dataFolder.appendingPathComponent(SQLiteJournal.fileName).path)
        let clock = ManualClock()
        // The console's counter, and another at the same journal, each with an open shift.
        for counter in openShifts {
            _ = try await journal.openShift(ShiftOpening(
                counter: counter, operatorName: "Sita", openingFloat: Money(rupees: 1000), openingBalance: nil, at: clock.now))
        }
        let desk = PaymentDesk(
            store: journal, gateway: .live(api), environment: .sandbox, clock: { clock.now },
            calendar: CounterCalendar.nepal)
        let printer = makePrinter?(dataFolder) ?? .configured(dataFolder: dataFolder, environment: [:])
        let environment = LiveConsoleEnvironment.make(
            api: api, desk: desk, printer: printer, counter: "Counter 1",
            clock: { clock.now }, discardTypeahead: {},
            // Progress ticks never come: elapsed times are not what these tests check.
            sleep: { _ in try await Task.sleep(for: .seconds(3600)) })
        let driver = ConsoleDriver(
            state: ConsoleState(
                counter: "Counter 1", operatorName: "Sita", environment: .sandbox, bsCalendar: printer.bsCalendar,
                hasCashDrawer: printer.opensDrawer),
            environment: environment, render: { _ in })
        let counter = LiveCounter(
            sandbox: sandbox, api: api, journal: journal, desk: desk, clock: clock, driver: driver, dataFolder: dataFolder,
            environment: environment)
        await driver.start()
        await driver.whenIdle()
        do {
            try await body(counter)
        } catch {
            await counter.close()
            throw error
        }
        await counter.close()
    }

    func close() async {
        await driver.stop()
        await driver.whenIdle()
        await api.shutdown()
        await sandbox.stop()
        journal.closeNow()
        try? FileManager.default.removeItem(at: dataFolder)
    }

    var state: ConsoleState { get async { await driver.state } }

    /// Keys as a clerk types them; returns once everything they started has finished.
    func press(_ keys: Key...) async {
        for key in keys { await driver.press(key) }
        await driver.whenIdle()
    }

    func type(_ text: String) async {
        for character in text { await driver.press(.character(character)) }
    }

    /// Username, Enter, the 1-month plan, a pause to read it back, y.
    func payOneMonth(_ username: String) async {
        await type(username)
        await press(.enter)
        await press(.character("1"))
        clock.advance(seconds: 2)
        await press(.character("y"))
    }

    /// Every payment the journal holds.
    func journalPayments() async throws -> [PaymentRecord] {
        try await journal.history(HistoryFilter())
    }

    /// The console's background lookups, as the console runs them, polling every few
    /// milliseconds of real time against the test's clock.
    func watchHeldPayments() async {
        await driver.follow(HeldPaymentWatch.actions(environment: environment, poll: .milliseconds(20)))
    }

    /// Waits (in real time, briefly) until `condition` holds.
    func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<500 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FlowError("never happened: \(what)")
    }

    func ledger() async throws -> [SandboxLedgerEntry] {
        try await sandbox.ledgerEntries()
    }

    var receiptsFolder: URL { dataFolder.appendingPathComponent(ReceiptPrinter.folderName) }
}

/// A clock that moves only when the test says so.
final class ManualClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)))

    var now: Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

struct FlowError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension ConsoleState {
    /// The outcome screen, or a thrown error naming the screen instead.
    func outcome() throws -> OutcomeScreen {
        guard case .outcome(let screen) = screen else { throw FlowError("expected the outcome screen, on \(screen.title)") }
        return screen
    }

    func heldList() throws -> HeldPaymentsScreen {
        guard case .heldPayments(let screen) = screen else { throw FlowError("expected held payments, on \(screen.title)") }
        return screen
    }

    func usernameEntry() throws -> UsernameEntryScreen {
        guard case .usernameEntry(let screen) = screen else { throw FlowError("expected the username screen, on \(screen.title)") }
        return screen
    }

    func account() throws -> AccountScreen {
        guard case .account(let screen) = screen else { throw FlowError("expected the account screen, on \(screen.title)") }
        return screen
    }
}
