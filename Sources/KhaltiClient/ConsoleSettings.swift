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
    /// `printer` in the config file, as written (the printer setup checks its form;
    /// `ARROWNET_PRINTER` overrides it there).
    public var printer: String? = nil
    /// `drawer` in the config file, as written (`kick` or `none`).
    public var drawer: String? = nil
    /// `calendar = both|ad`: whether people read Bikram Sambat dates beside AD ones.
    public var calendar: CalendarChoice = .both
    /// The table `bs_calendar = PATH` loaded (checked when the settings were read);
    /// nil for the one compiled into the binary.
    public var bsCalendarTable: BikramSambatCalendar? = nil
    /// The shared journal (`ARROWNET_JOURNAL_URL`, else `journal_url` in the config file),
    /// as written; nil for the SQLite file in the data folder.
    public var journalURL: String? = nil
    /// `low_balance` in the config: the header warns below it, Rs. 5,000 unless set.
    public var lowBalance: Money = LowBalance.defaultThreshold

    public static let fileNames = (directory: "arrownet", token: "token", config: "config")
    /// The environment variable that may hold the token; programs the console starts
    /// (the print command) get an environment without it.
    public static let tokenVariable = "KHALTI_TOKEN"
    public static let baseURLVariable = "KHALTI_BASE_URL"
    public static let journalURLVariable = "ARROWNET_JOURNAL_URL"

    /// The Bikram Sambat calendar to convert with, whatever `calendar` says (JSON gives
    /// `*_bs` fields always): the configured table, else the shipped one. Read only when
    /// asked, so a command that shows no date never parses the shipped table.
    public var bikramSambatTable: BikramSambatCalendar { bsCalendarTable ?? .shipped }

    /// The calendar for dates people read, or nil with `calendar = ad`.
    public var bikramSambatForPeople: BikramSambatCalendar? { calendar == .both ? bikramSambatTable : nil }
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
        var urlText = baseURLFlag
        if urlText == nil { urlText = try variable(ConsoleSettings.baseURLVariable) }
        if urlText == nil { urlText = file.baseURL }
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
        var table: BikramSambatCalendar?
        if let written = file.bsCalendar { table = try loadCalendar(written) }
        return ConsoleSettings(
            connection: connection, counter: file.counter, operatorName: file.operatorName, printer: file.printer,
            drawer: file.drawer, calendar: file.calendar ?? .both, bsCalendarTable: table,
            journalURL: try variable(ConsoleSettings.journalURLVariable) ?? file.journalURL,
            lowBalance: file.lowBalance ?? LowBalance.defaultThreshold)
    }

    /// Only where the journal is: `ARROWNET_JOURNAL_URL`, else the config file's
    /// `journal_url`, else nil (the SQLite file). For commands that read no other setting.
    public func journalURL() throws(ConfigurationError) -> String? {
        if let value = try variable(ConsoleSettings.journalURLVariable) { return value }
        return try ConfigFile.read(path: configFilePath).journalURL
    }

    /// An environment variable: nil when unset; set but empty or blank is refused, since
    /// `KHALTI_TOKEN=` most likely means a script lost the value it meant to give.
    func variable(_ name: String) throws(ConfigurationError) -> String? {
        guard let value = environment[name] else { return nil }
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .blankVariable(name) }
        return value
    }

    func loadToken() throws(ConfigurationError) -> KhaltiToken? {
        if let value = try variable(ConsoleSettings.tokenVariable) {
            return try KhaltiToken(value)
        }
        let path = tokenFilePath
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .tokenFileNotAFile(path: path) }
        // Readable by group or others means the secret is already exposed on this machine.
        if info.st_mode & 0o077 != 0 {
            throw .tokenFileTooOpen(path: path, mode: String(info.st_mode & 0o777, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "this user may not read it (see its owner and permissions)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
        }
        do {
            return try KhaltiToken(text)
        } catch .emptyToken {
            throw .emptyTokenFile(path: path)
        } catch {
            throw .malformedTokenFile(path: path)
        }
    }

    /// `bs_calendar = PATH`: a relative path is read from the config folder, `~/` from the
    /// home folder. A table that fails its checks is refused with its line.
    func loadCalendar(_ written: String) throws(ConfigurationError) -> BikramSambatCalendar {
        let path: String
        if written.hasPrefix("/") {
            path = written
        } else if written.hasPrefix("~/") {
            path = (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/" + written.dropFirst(2)
        } else {
            path = configDirectory + "/" + written
        }
        do {
            return try BikramSambatCalendar.load(path: path)
        } catch {
            throw .calendarTable(error.description)
        }
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
