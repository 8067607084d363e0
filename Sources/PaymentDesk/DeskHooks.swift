import ArrownetDomain
import Foundation

/// Test-only hooks into the payment path. Production code leaves them empty, and a
/// release build never reads them from the environment.
public struct DeskHooks: Sendable {
    /// Runs after the intent is durably `prepared` and before it is marked `sending`:
    /// a crash test kills the process here and proves nothing was sent.
    public var afterIntentWritten: @Sendable (PaymentReference) async -> Void

    public init(afterIntentWritten: @escaping @Sendable (PaymentReference) async -> Void = { _ in }) {
        self.afterIntentWritten = afterIntentWritten
    }

    public static let none = DeskHooks()

    /// The environment variable the crash tests set on a debug build: milliseconds to
    /// pause between writing the intent and sending (at most a minute).
    public static let pauseVariable = "ARROWNET_TEST_PAUSE_AFTER_INTENT_MS"

    /// Whether this build honours `pauseVariable`: debug builds only, so a counter's
    /// release binary cannot be slowed down mid-payment by an environment variable.
    public static var honoursTestHooks: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }

    /// `none` unless this is a debug build and `ARROWNET_TEST_PAUSE_AFTER_INTENT_MS`
    /// holds a number of milliseconds.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DeskHooks {
        guard honoursTestHooks else { return .none }
        guard let text = environment[pauseVariable], let milliseconds = Int(text), milliseconds > 0 else { return .none }
        let pause = min(milliseconds, 60_000)
        return DeskHooks { _ in try? await Task.sleep(for: .milliseconds(pause)) }
    }
}
