import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import CursesTerminal
import Foundation
import KhaltiClient
import LiveConsole
import TerminalUI

/// The full-screen counter console: `arrownet`, `arrownet console`.
struct CounterConsole {
    /// `--base-url`, if given.
    let baseURLFlag: String?
    let noColor: Bool

    func run() async throws {
        // Every time the clerk sees goes through CounterCalendar (Nepal time). Making Nepal
        // time the process's default zone as well spares the one Foundation Calendar a
        // library makes here (Hummingbird's HTTP dates, in the embedded sandbox) from asking
        // ICU for the machine's zone: about 3 MB less and a faster start. Child processes
        // (the print command) keep the environment's TZ.
        NSTimeZone.default = TimeZone(secondsFromGMT: CounterCalendar.nepal.secondsFromGMT) ?? .gmt
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw fail("The console needs a terminal. For scripts use lookup, pay, status, history (see --help).", code: ExitCodes.usage)
        }
        // Configuration mistakes stop here, before the screen is taken over.
        let settings: ConsoleSettings
        do {
            settings = try SettingsLoader().load(baseURLFlag: baseURLFlag)
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
        LogSetup.bootstrap(toFile: try DataDirectory.root().appendingPathComponent("console.log").path)
        let colors = !noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        // Receipts, reports and the cash drawer as the config says (`printer`, `drawer`,
        // `calendar`); a setting that cannot work stops here, before the screen is taken.
        let printer = try ReceiptJob.printer(settings)
        let initial = ConsoleState(
            counter: CounterIdentity.counter(settings), operatorName: CounterIdentity.operatorName(settings),
            environment: settings.connection.environment, bsCalendar: printer.bsCalendar, hasCashDrawer: printer.opensDrawer,
            lowBalance: settings.lowBalance)
        let inputs = InputQueue()
        let loop = TerminalLoop(initial: initial, inputs: inputs, clock: Date.init)
        let connection = ConsoleConnection(settings: settings, printer: printer, discardTypeahead: { loop.discardTypeahead() })
        let environment = connection.deferredEnvironment()
        let driver = ConsoleDriver(state: initial, environment: environment, render: { loop.publish($0) })
        // Signals are actions like keys: reduce decides when the console quits.
        let signals = TerminationSignals { inputs.submit(.signal($0)) }

        let delivery = Task { await inputs.deliver(to: driver) }
        let quitWatch = Task {
            await driver.waitUntilQuit()
            loop.driverDidQuit()
        }
        // The terminal runs on a thread of its own: ncurses blocks on reads and is not
        // thread-safe, and the concurrency pool must stay free for Khalti and the journal.
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                let terminal = CursesTerminal(colors: colors)
                loop.run(terminal: terminal, onFirstFrame: {
                    Task {
                        await driver.start()
                        // Held payments are looked up when they are due, in the background
                        // (started after the first frame, like everything that opens Khalti
                        // and the journal); the driver stops following it when the console
                        // stops, without waiting for a lookup.
                        await driver.follow(HeldPaymentWatch.actions(environment: environment))
                        // The header says when this counter's clock is off the journal's.
                        await driver.follow(ClockComparison.actions(environment: environment))
                    }
                })
                done.resume()
            }
            thread.name = "terminal"
            thread.start()
        }
        signals.cancel()
        quitWatch.cancel()
        inputs.finish()
        delivery.cancel()
        // A payment on its way finishes and is recorded before the process ends.
        await driver.stop()
        await driver.whenIdle()
        await connection.close()
    }
}

/// SIGINT, SIGQUIT, SIGTERM and SIGHUP ask the console to leave (after any payment in
/// flight) instead of killing it with the terminal in raw mode; SIGQUIT's default would
/// also kill a payment between intent and answer and try to dump core.
final class TerminationSignals: @unchecked Sendable {
    // Immutable after init; sources are cancelled once.
    private let sources: [any DispatchSourceSignal]

    init(_ handler: @escaping @Sendable (TerminationSignal) -> Void) {
        let signals: [(Int32, TerminationSignal)] = [(SIGINT, .interrupt), (SIGQUIT, .quit), (SIGTERM, .terminate), (SIGHUP, .hangUp)]
        sources = signals.map { number, meaning in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(meaning) }
            source.resume()
            return source
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}
