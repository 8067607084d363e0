import Foundation
import Logging

/// Logs go to standard error at the level of `ARROWNET_LOG_LEVEL` (default warning).
/// Nothing logged by this program contains the token: requests are never logged,
/// only paths, statuses and timings.
enum LogSetup {
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = environment["ARROWNET_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
