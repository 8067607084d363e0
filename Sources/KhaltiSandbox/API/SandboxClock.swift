import Foundation
import Synchronization

/// Where the sandbox reads "now": transaction times, refund times and the time-based
/// settlement of Queued payments. Injected so tests move time instead of sleeping.
public struct SandboxClock: Sendable {
    private let readNow: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) {
        self.readNow = now
    }

    public func now() -> Date { readNow() }

    /// Wall-clock time, for the console and for training.
    public static let system = SandboxClock { Date() }
}

/// A clock that stands still until a test moves it.
public final class ManualSandboxClock: Sendable {
    private let current: Mutex<Date>

    /// Starts at a fixed instant (2025-01-01T00:00:00Z) so runs are reproducible.
    public init(start: Date = Date(timeIntervalSince1970: 1_735_689_600)) {
        self.current = Mutex(start)
    }

    public func advance(seconds: Int) {
        current.withLock { $0 = $0.addingTimeInterval(TimeInterval(seconds)) }
    }

    public func now() -> Date { current.withLock { $0 } }

    public var clock: SandboxClock {
        SandboxClock { [self] in self.now() }
    }
}
