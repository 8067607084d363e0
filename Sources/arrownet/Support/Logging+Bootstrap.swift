import ArrownetDomain
import Foundation
import Logging

/// Logs go to standard error (or, for the full-screen console, to a file in the data
/// folder, since the screen belongs to the clerk) at the level of `ARROWNET_LOG_LEVEL`
/// (default warning). Nothing logged contains the token: requests are never logged,
/// only paths, statuses and timings. A logged value can hold a server's words, so a
/// line is made safe as every output is (`OutsideText.lines`; on standard error through
/// `Terminal`), for whoever reads it with `tail -f`.
enum LogSetup {
    /// swift-log may be bootstrapped once per process; later calls keep the first choice.
    private static let done = Mutex(false)

    static func bootstrap(toFile path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let level = environment["ARROWNET_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .warning
        let file = path.flatMap { path -> FileHandle? in
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            let handle = FileHandle(forWritingAtPath: path)
            handle?.seekToEndOfFile()
            return handle
        }
        let sink: LineLogHandler.Sink = file.map { .file($0) } ?? .terminal(.standardError)
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, sink: sink)
            handler.logLevel = level
            return handler
        }
    }
}

import Synchronization

/// One line per message, appended to the console's log file or written to standard error.
struct LineLogHandler: LogHandler {
    enum Sink: Sendable {
        case file(FileHandle)
        case terminal(Terminal)
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // The ISO 8601 format style, not ISO8601DateFormatter: the same text, without a
        // formatter per line, and without loading ICU (about 10 MB) into the console.
        let line = "\(Date().formatted(.iso8601)) \(event.level) \(label): \(event.message)\(details)\n"
        switch sink {
        case .file(let file): file.write(Data(OutsideText.lines(line).utf8))
        case .terminal(let terminal): terminal.write(line)
        }
    }
}
