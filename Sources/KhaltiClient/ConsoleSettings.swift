import ArrownetDomain
import Foundation

/// How the console connects, decided from flags, environment and config files.
///
/// Order, first found wins:
/// - base URL: `--base-url`, then `KHALTI_BASE_URL`, then `base_url` in the config
///   file, then from the token (a `TEST:` token means UAT, any other live);
/// - token: `KHALTI_TOKEN`, then the token file. Never a command-line flag: it would
///   show in the process list.
/// No token and no base URL: the embedded sandbox.
public struct ConsoleSettings: Sendable, Equatable {
    public enum Connection: Sendable, Equatable {
        /// Start the sandbox in-process; no real money.
        case embeddedSandbox
        /// A server on loopback without a token: a separately started sandbox.
        case localWithoutToken(KhaltiEndpoint)
        case khalti(KhaltiEndpoint, KhaltiToken)
    }

    public var connection: Connection
    public var counter: String?
    public var operatorName: String?

    public static let fileNames = (directory: "arrownet", token: "token", config: "config")
    /// The environment variable that may hold the token; programs the console starts
    /// (the print command) get an environment without it.
    public static let tokenVariable = "KHALTI_TOKEN"
}

/// Reads the settings. File access goes through closures so tests use real temp files
/// without touching the user's home.
public struct SettingsLoader: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public var configDirectory: String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            return xdg + "/" + ConsoleSettings.fileNames.directory
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.config/" + ConsoleSettings.fileNames.directory
    }

    public var tokenFilePath: String { configDirectory + "/" + ConsoleSettings.fileNames.token }
    public var configFilePath: String { configDirectory + "/" + ConsoleSettings.fileNames.config }

    public func load(baseURLFlag: String?) throws(ConfigurationError) -> ConsoleSettings {
        let file = try ConfigFile.read(path: configFilePath)
        let token = try loadToken()
        let urlText = baseURLFlag ?? environment["KHALTI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? file.baseURL
        let connection: ConsoleSettings.Connection
        switch (urlText, token) {
        case (nil, nil):
            connection = .embeddedSandbox
        case (nil, let token?):
            connection = .khalti(token.isTestToken ? .uat : .live, token)
        case (let text?, nil):
            let endpoint = try KhaltiEndpoint(parsing: text)
            guard endpoint.environment == .local else { throw .noTokenForRemote(endpoint.baseURL) }
            connection = .localWithoutToken(endpoint)
        case (let text?, let token?):
            let endpoint = try KhaltiEndpoint(parsing: text)
            try endpoint.check(token)
            connection = .khalti(endpoint, token)
        }
        return ConsoleSettings(connection: connection, counter: file.counter, operatorName: file.operatorName)
    }

    func loadToken() throws(ConfigurationError) -> KhaltiToken? {
        if let value = environment[ConsoleSettings.tokenVariable], !value.isEmpty {
            return try KhaltiToken(value)
        }
        let path = tokenFilePath
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        // Readable by group or others means the secret is already exposed on this machine.
        if info.st_mode & 0o077 != 0 {
            throw .tokenFileTooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not readable as UTF-8 text")
        }
        return try KhaltiToken(text)
    }
}

/// `key = value` lines; `#` starts a comment. Unknown keys are refused so a typo
/// does not silently send a counter to the wrong server.
struct ConfigFile: Equatable {
    var baseURL: String?
    var counter: String?
    var operatorName: String?

    static func read(path: String) throws(ConfigurationError) -> ConfigFile {
        guard FileManager.default.fileExists(atPath: path) else { return ConfigFile() }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path: path, reason: "not readable as UTF-8 text")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigFile {
        var file = ConfigFile()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw .invalidSetting(file: path, line: index + 1, problem: "expected key = value")
            }
            switch parts[0] {
            case "base_url": file.baseURL = parts[1]
            case "counter": file.counter = parts[1]
            case "operator": file.operatorName = parts[1]
            case "token":
                throw .invalidSetting(file: path, line: index + 1, problem: "the token belongs in its own file, \(ConsoleSettings.fileNames.token), mode 600")
            default:
                throw .invalidSetting(file: path, line: index + 1, problem: "unknown setting \"\(parts[0].prefix(30))\" (known: base_url, counter, operator)")
            }
        }
        return file
    }
}

extension ConsoleSettings.Connection {
    /// Which Khalti this connection reaches and whether its money is real: decided from
    /// the settings alone, before anything is opened, so a command that only reads the
    /// journal (`history`) names the same Khalti as one that pays.
    public var environment: KhaltiEnvironment {
        switch self {
        case .embeddedSandbox:
            return .sandbox
        case .localWithoutToken(let endpoint):
            return .local(baseURL: endpoint.baseURL, token: nil)
        case .khalti(let endpoint, let token):
            switch endpoint.environment {
            case .live: return .live
            case .uat: return .uat
            case .local: return .local(baseURL: endpoint.baseURL, token: token.isTestToken ? .test : .live)
            }
        }
    }
}
