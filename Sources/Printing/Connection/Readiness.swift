import Foundation

/// Waiting for a descriptor without holding a thread: `poll` with no timeout, then a
/// short sleep, until ready or the deadline. The console's tasks share one thread a
/// core (two on a counter's small PC); a poll blocking for seconds on one of them
/// would stall the screen's work meanwhile.
enum Readiness: Equatable {
    case ready(revents: Int16)
    case timedOut
    case cancelled
    case failed(Int32)

    static let pause: Duration = .milliseconds(5)

    static func wait(_ descriptor: Int32, for events: Int16, until deadline: ContinuousClock.Instant) async -> Readiness {
        while true {
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let result = poll(&entry, 1, 0)
            if result > 0 { return .ready(revents: entry.revents) }
            if result < 0 && errno != EINTR { return .failed(errno) }
            if ContinuousClock.now >= deadline { return .timedOut }
            do {
                try await Task.sleep(for: pause)
            } catch {
                return .cancelled
            }
        }
    }
}
