import ArrownetDomain
import Foundation

/// The config file, `$XDG_CONFIG_HOME/arrownet/config`: `key = value` lines, `#` starts
/// a comment. Windows line ends (CRLF) and a byte-order mark read as if the file had
/// none. Unknown keys, a key given twice and values with control characters are refused
/// with their line, so a typo never silently sends a counter to the wrong server or
/// prints the wrong name on receipts.
struct ConfigFile: Equatable {
    var baseURL: String?
    var counter: String?
    var operatorName: String?
    /// An ESC/POS printer address; checked by the printer setup, which knows the forms.
    var printer: String?
    var drawer: String?
    var calendar: CalendarChoice?
    /// As written; `SettingsLoader` resolves it against the config folder and loads it.
    var bsCalendar: String?
    /// The shared journal's URL, as written; checked where the journal is opened.
    var journalURL: String?
    /// `low_balance = 5000`: below this the header warns that the balance is low.
    var lowBalance: Money?

    /// Every key the file may hold, with where its value goes. One line per key, so
    /// adding a setting is adding a line here.
    static let keys: [(name: String, store: @Sendable (inout ConfigFile, String) -> String?)] = [
        ("base_url", { file, value in file.baseURL = value; return nil }),
        ("counter", { file, value in file.counter = value; return nil }),
        ("operator", { file, value in file.operatorName = value; return nil }),
        ("printer", { file, value in file.printer = value; return nil }),
        ("drawer", { file, value in file.drawer = value; return nil }),
        ("calendar", { file, value in
            guard let choice = CalendarChoice(rawValue: value.lowercased()) else {
                return "calendar is both (Bikram Sambat dates beside AD ones, the default) or ad, not \"\(value.prefix(30))\""
            }
            file.calendar = choice
            return nil
        }),
        ("bs_calendar", { file, value in file.bsCalendar = value; return nil }),
        ("journal_url", { file, value in file.journalURL = value; return nil }),
        ("low_balance", { file, value in
            do {
                file.lowBalance = try Money(typed: value)
                return nil
            } catch {
                return "low_balance is an amount in rupees, like 5000 or 5,000.00: \(error)"
            }
        }),
    ]

    static var keyNames: String { keys.map(\.name).joined(separator: ", ") }

    static func read(path: String) throws(ConfigurationError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return ConfigFile() }
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadableFile(path: path, reason: "it is a folder or a device, not a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableFile(path: path, reason: "this user may not read it (see its permissions)")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadableFile(path: path, reason: "it is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigurationError) -> ConfigFile {
        var file = ConfigFile()
        var seen: [String: Int] = [:]
        for (index, rawLine) in lines(of: text).enumerated() {
            let number = index + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw .invalidSetting(file: path, line: number, problem: "expected key = value, like counter = Counter1")
            }
            let (key, value) = (parts[0], parts[1])
            if key == "token" {
                throw .invalidSetting(
                    file: path, line: number,
                    problem: "the token belongs in its own file, \(ConsoleSettings.fileNames.token), mode 600, never in the config")
            }
            guard let entry = keys.first(where: { $0.name == key }) else {
                throw .invalidSetting(
                    file: path, line: number, problem: "unknown setting \"\(key.prefix(30))\" (known: \(keyNames))")
            }
            guard !value.isEmpty else {
                throw .invalidSetting(file: path, line: number, problem: "\(key) has no value; give one or remove the line")
            }
            if let earlier = seen[key] {
                throw .invalidSetting(
                    file: path, line: number, problem: "\(key) is already set on line \(earlier); give each setting once")
            }
            if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                throw .invalidSetting(file: path, line: number, problem: "the value of \(key) holds a control character")
            }
            if let problem = entry.store(&file, value) {
                throw .invalidSetting(file: path, line: number, problem: problem)
            }
            seen[key] = number
        }
        return file
    }

    /// The file's lines, whatever its line ends. Not `split(separator: "\n")`: in Swift
    /// "\r\n" is one Character, so a CRLF file would read as one long line.
    static func lines(of text: String) -> [Substring] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }  // a byte-order mark some editors write
        return body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}

/// Whether people read Bikram Sambat dates beside AD ones: `calendar = both|ad`.
public enum CalendarChoice: String, Sendable, Hashable, CaseIterable {
    /// `2083 Mangsir 15 (2026-12-01)`: the default.
    case both
    /// `2026-12-01` alone.
    case ad
}
