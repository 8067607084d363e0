import Foundation

extension DeskHooks {
    /// The environment variable a test sets on a debug build to move this process's clock
    /// by a number of seconds (negative: behind), as a counter whose clock drifts.
    public static let clockOffsetVariable = "ARROWNET_TEST_CLOCK_OFFSET_SECONDS"

    /// The counter's clock: the system's, moved by `clockOffsetVariable` on a debug build
    /// only (a release build ignores it, as it ignores every test hook).
    public static func clockFromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> @Sendable () -> Date {
        guard honoursTestHooks, let text = environment[clockOffsetVariable], let seconds = TimeInterval(text), seconds.isFinite, seconds != 0
        else { return Date.init }
        return { Date().addingTimeInterval(seconds) }
    }
}
