import ConsoleCore
import ConsoleRuntime
import CursesTerminal
import Foundation
import TerminalUI

/// The console's one UI thread: reads keys and sizes, stamps each with the time it
/// was read, hands it to the driver, and draws the latest state. What a key or a
/// size means (quitting, the too-small screen, keys kept meanwhile) is decided by
/// `reduce`, not here. ncurses is used from this thread only.
final class TerminalLoop: @unchecked Sendable {
    // Shared with the driver's render callback and the quit watch; guarded by `lock`.
    private let lock = NSLock()
    private var latest: ConsoleState
    private var version = 0
    private var driverQuit = false
    private var discardRequested = false

    private let inputs: InputQueue
    private let clock: @Sendable () -> Date
    /// How long a read key may take to be applied before the next one is read anyway.
    private static let applyWait: Duration = .milliseconds(200)

    init(initial: ConsoleState, inputs: InputQueue, clock: @escaping @Sendable () -> Date) {
        latest = initial
        self.inputs = inputs
        self.clock = clock
    }

    // MARK: Called from other threads

    /// The driver's render callback: keep the newest state; the UI thread draws it.
    func publish(_ state: ConsoleState) {
        lock.withLock {
            latest = state
            version += 1
        }
    }

    /// The driver quit (`reduce` decided, after any payment on its way was recorded).
    func driverDidQuit() {
        lock.withLock { driverQuit = true }
    }

    /// ConsoleEnvironment.discardTypeahead: the UI thread flushes before its next read.
    func discardTypeahead() {
        lock.withLock { discardRequested = true }
    }

    // MARK: Running

    /// Runs until the driver quits; returns after the terminal is restored.
    /// `onFirstFrame` runs once the first screen is on the terminal: opening Khalti and
    /// the journal waits for it, so the clerk sees the console as early as possible.
    func run(terminal: CursesTerminal, onFirstFrame: () -> Void) {
        var firstFrameShown = false
        var size = terminal.size
        var drawnVersion = -1
        var needsDraw = true
        defer { terminal.restore() }
        inputs.submit(.resized(size, at: clock()))
        while true {
            let (state, currentVersion, quit, discard) = lock.withLock { (latest, version, driverQuit, discardRequested) }
            if quit { return }
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
            let readAt = clock()
            switch event {
            case .resize(let newSize):
                size = newSize
                needsDraw = true
                apply(.resized(newSize, at: readAt))
            case .key(let key):
                apply(.key(key, at: readAt))
            }
        }
    }

    /// Sends the action and waits (briefly) until the driver applied it, so its echo is
    /// drawn at once and the next key is read against the screen it was meant for.
    private func apply(_ action: ConsoleAction) {
        let number = inputs.submit(action)
        inputs.waitUntilApplied(number, timeout: Self.applyWait)
    }
}
