import ConsoleCore
import Foundation

/// The console's background lookups of held payments: while the console runs, held
/// payments are looked up when the journal's schedule says they are due (never sooner
/// than Khalti's five minutes after sending, then the backoff), and what changed comes
/// to the console as actions (`ConsoleDriver.follow`).
///
/// It asks the journal when the earliest lookup is due at most every `poll` (a held
/// payment another counter sent, or this one, joins the schedule that way) and sleeps
/// until then; it never blocks typing or a payment, which run in tasks of their own.
/// Stopping the console cancels it at once: quitting never waits for a lookup (one cut
/// short changes nothing; its claim runs out and the next run looks it up).
public enum HeldPaymentWatch {
    public static func actions(
        environment: ConsoleEnvironment, poll: Duration = .seconds(15),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) -> AsyncStream<ConsoleAction> {
        AsyncStream { continuation in
            let task = Task {
                while !Task.isCancelled {
                    var wait = poll
                    if let due = await environment.nextHeldLookup() {
                        let until = due.timeIntervalSince(environment.now())
                        if until <= 0 {
                            if let news = await environment.reconcileDue(), !Task.isCancelled {
                                continuation.yield(.heldPaymentsReconciled(news))
                            }
                            // A lookup that failed leaves its payment due: wait a poll before
                            // asking again rather than asking Khalti in a loop.
                        } else if until < poll.seconds {
                            wait = .milliseconds(Int64((until * 1000).rounded(.up)))
                        }
                    }
                    do { try await sleep(wait) } catch { break }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension Duration {
    /// Whole and fractional seconds.
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
