import ConsoleCore
import Foundation

/// Compares the counter's clock with the journal's once, in the background, and tells the
/// console (`.clockCompared`): the header then says when the clock is more than two
/// minutes off. Once is enough: a clock drifts by seconds a day, and a clock set wrong is
/// wrong from the start.
public enum ClockComparison {
    public static func actions(environment: ConsoleEnvironment) -> AsyncStream<ConsoleAction> {
        AsyncStream { continuation in
            let task = Task {
                let drift = await environment.clockDrift()
                continuation.yield(.clockCompared(drift))
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
