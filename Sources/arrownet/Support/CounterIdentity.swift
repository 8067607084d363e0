import Foundation
import KhaltiClient

/// Who takes the payment, written on every payment and receipt: the config file's
/// `counter` and `operator`, else this machine's name and the login name.
enum CounterIdentity {
    static func counter(_ settings: ConsoleSettings) -> String {
        if let counter = settings.counter, !counter.isEmpty { return counter }
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "counter" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "counter" : name
    }

    static func operatorName(_ settings: ConsoleSettings) -> String {
        if let name = settings.operatorName, !name.isEmpty { return name }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
    }
}
