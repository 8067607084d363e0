import ConsoleCore
import Foundation

/// Carries what the terminal reads (keys, sizes, signals) to the driver in order, and
/// lets the terminal's thread wait until an action has been applied, so the next key
/// is read against the screen it was typed for and its echo is drawn at once.
///
/// Each action gets a number, and the driver reports the last number it applied.
/// Waiting means "until action n is applied": a wait that timed out leaves nothing
/// behind. (A semaphore signalled once per action would keep a late signal, and the
/// next wait would return before its own key was applied; every later key one behind.)
public final class InputQueue: @unchecked Sendable {
    // `submitted`, `applied` and the order of `yield` are guarded by `condition`.
    private let condition = NSCondition()
    private var submitted: UInt64 = 0
    private var applied: UInt64 = 0
    private let stream: AsyncStream<(number: UInt64, action: ConsoleAction)>
    private let continuation: AsyncStream<(number: UInt64, action: ConsoleAction)>.Continuation

    public init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Queues `action` after every action submitted before it; returns its number.
    /// Safe from any thread.
    @discardableResult
    public func submit(_ action: ConsoleAction) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        submitted += 1
        continuation.yield((submitted, action))
        return submitted
    }

    /// Blocks the calling thread until action `number` has been applied, or `timeout`
    /// has passed; true when it was applied.
    @discardableResult
    public func waitUntilApplied(_ number: UInt64, timeout: Duration) -> Bool {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let deadline = Date().addingTimeInterval(seconds)
        condition.lock()
        defer { condition.unlock() }
        while applied < number {
            if !condition.wait(until: deadline) { return applied >= number }
        }
        return true
    }

    /// The number of the last action the driver applied.
    public var lastApplied: UInt64 {
        condition.lock()
        defer { condition.unlock() }
        return applied
    }

    /// Hands the queued actions to `driver` one at a time, in order, until `finish`.
    public func deliver(to driver: ConsoleDriver) async {
        for await (number, action) in stream {
            await driver.send(action)
            markApplied(number)
        }
    }

    private func markApplied(_ number: UInt64) {
        condition.lock()
        defer { condition.unlock() }
        applied = number
        condition.broadcast()
    }

    /// No more actions: `deliver` returns once the queued ones are applied.
    public func finish() {
        continuation.finish()
    }
}
