import ConsoleCore
import ConsoleRuntime
import CursesTerminal
import Foundation
import TerminalUI

/// The console's one UI thread: reads keys, hands them to the driver in order,
/// and draws the latest state. ncurses is used from this thread only.
final class TerminalLoop: @unchecked Sendable {
    // Shared with the driver's render callback and the signal handlers; guarded by `lock`.
    private let lock = NSLock()
    private var latest: ConsoleState
    private var version = 0
    private var quitRequested = false
    private var driverQuit = false
    private var discardRequested = false

    private let colors: Bool
    private let keys: AsyncStream<Key>.Continuation
    private let keyStream: AsyncStream<Key>
    /// Signalled when the driver has applied a key, so the next read sees its result.
    private let applied = DispatchSemaphore(value: 0)
    /// Keys read while the terminal is too small to show the screen: applied once it is
    /// large enough again, so nothing typed is lost (control keys still go through).
    private var heldWhileTooSmall: [Key] = []

    init(initial: ConsoleState, colors: Bool) {
        latest = initial
        self.colors = colors
        (keyStream, keys) = AsyncStream.makeStream(of: Key.self, bufferingPolicy: .unbounded)
    }

    // MARK: Called from other threads

    /// The driver's render callback: keep the newest state; the UI thread draws it.
    func publish(_ state: ConsoleState) {
        lock.withLock {
            latest = state
            version += 1
        }
    }

    /// Ctrl-C, SIGINT, SIGTERM, SIGHUP: leave as soon as no payment is on its way.
    func requestQuit() {
        lock.withLock { quitRequested = true }
    }

    func driverDidQuit() {
        lock.withLock { driverQuit = true }
    }

    /// ConsoleEnvironment.discardTypeahead: the UI thread flushes before its next read.
    func discardTypeahead() {
        lock.withLock { discardRequested = true }
    }

    // MARK: Running

    /// Feeds keys to the driver, one at a time, in the order they were read.
    func pumpKeys(into driver: ConsoleDriver) async {
        for await key in keyStream {
            await driver.press(key)
            applied.signal()
        }
    }

    /// Runs until the clerk quits (or a quit was requested and no payment is out).
    /// Returns after the terminal is restored.
    /// `onFirstFrame` runs once the first screen is on the terminal: opening Khalti and
    /// the journal waits for it, so the clerk sees the console as early as possible.
    func run(terminal: CursesTerminal, onFirstFrame: () -> Void) {
        var firstFrameShown = false
        var size = terminal.size
        var drawnVersion = -1
        var needsDraw = true
        defer {
            keys.finish()
            terminal.restore()
        }
        while true {
            let (state, currentVersion, quit, discard) = lock.withLock { (latest, version, quitRequested || driverQuit, discardRequested) }
            if quit && (driverQuit || !Self.isPaymentOut(state)) { return }
            if discard {
                terminal.discardTypeahead()
                lock.withLock { discardRequested = false }
            }
            if currentVersion != drawnVersion || needsDraw {
                terminal.draw(ConsoleRenderer.render(state, size: size))
                drawnVersion = currentVersion
                needsDraw = false
                if !firstFrameShown {
                    firstFrameShown = true
                    onFirstFrame()
                }
            }
            guard let event = terminal.nextEvent(timeoutMilliseconds: 50) else { continue }
            switch event {
            case .resize(let newSize):
                size = newSize
                needsDraw = true
                if fits(size) { replayHeldKeys() }
            case .key(.control("c")):
                requestQuit()
            case .key(let key):
                if !fits(size), !Self.isControl(key) {
                    heldWhileTooSmall.append(key)
                    continue
                }
                send(key)
            }
        }
    }

    private func send(_ key: Key) {
        keys.yield(key)
        // Wait (briefly) until the driver applied it, so the echo is drawn at once and
        // the next key is read against the screen it was meant for.
        _ = applied.wait(timeout: .now() + .milliseconds(200))
    }

    private func replayHeldKeys() {
        let held = heldWhileTooSmall
        heldWhileTooSmall = []
        for key in held { send(key) }
    }

    private func fits(_ size: Size) -> Bool {
        size.width >= ConsoleRenderer.minimumSize.width && size.height >= ConsoleRenderer.minimumSize.height
    }

    private static func isControl(_ key: Key) -> Bool {
        if case .control = key { return true }
        return false
    }

    /// While the sending screen shows, the money may be moving: quitting waits.
    private static func isPaymentOut(_ state: ConsoleState) -> Bool {
        if case .sending = state.screen { return true }
        return false
    }
}
