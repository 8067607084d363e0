import ArrownetDomain
import Foundation
import Testing
@testable import KhaltiClient

@Suite("The config file, the token file and the environment: every mistake named")
struct ConfigFileTests {
    /// A fresh XDG config folder with `files` (name -> contents) and the token at `tokenMode`.
    func loader(
        config: String? = nil, token: String? = nil, tokenMode: Int = 0o600, extra: [String: String] = [:],
        environment: [String: String] = [:]
    ) throws -> (SettingsLoader, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-config-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("arrownet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let config { try Data(config.utf8).write(to: folder.appendingPathComponent("config")) }
        if let token {
            _ = FileManager.default.createFile(
                atPath: folder.appendingPathComponent("token").path, contents: Data(token.utf8), attributes: [.posixPermissions: tokenMode])
        }
        for (name, contents) in extra { try Data(contents.utf8).write(to: folder.appendingPathComponent(name)) }
        return (SettingsLoader(environment: environment.merging(["XDG_CONFIG_HOME": root.path, "HOME": root.path]) { a, _ in a }), folder)
    }

    @Test("CRLF line ends, a byte-order mark and lone CRs read as the same file with LF")
    func lineEnds() throws {
        let lf = "base_url = http://127.0.0.1:8089\ncounter = Counter1\noperator = Ram\ncalendar = ad\n"
        let expected = try ConfigFile.parse(lf, path: "f")
        #expect(expected.counter == "Counter1" && expected.operatorName == "Ram" && expected.calendar == .ad)
        #expect(try ConfigFile.parse(lf.replacingOccurrences(of: "\n", with: "\r\n"), path: "f") == expected)
        #expect(try ConfigFile.parse("\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n"), path: "f") == expected)
        #expect(try ConfigFile.parse(lf.replacingOccurrences(of: "\n", with: "\r"), path: "f") == expected)
        // An unknown key on a later line of a CRLF file is found, with its line.
        #expect(throws: ConfigurationError.invalidSetting(
            file: "f", line: 3, problem: "unknown setting \"printr\" (known: \(ConfigFile.keyNames))")
        ) {
            try ConfigFile.parse("counter = C1\r\n# comment\r\nprintr = escpos:/dev/usb/lp0\r\n", path: "f")
        }
    }

    /// A bad config file and the words its refusal must contain.
    static let badFiles: [(name: String, text: String, line: Int, words: String)] = [
        ("no equals sign", "counter = C1\njustaword\n", 2, "expected key = value"),
        ("no key", "= C1\n", 1, "expected key = value"),
        ("no value", "counter =\n", 1, "counter has no value"),
        ("unknown key", "base_ur = uat\n", 1, "unknown setting \"base_ur\""),
        ("the token", "token = TEST:abc\n", 1, "the token belongs in its own file"),
        ("a key twice", "counter = C1\noperator = Ram\ncounter = C2\n", 3, "counter is already set on line 1"),
        ("a control character", "counter = C1\u{7}\n", 1, "control character"),
        ("a bad calendar", "calendar = lunar\n", 1, "calendar is both"),
        ("a CRLF file's later mistake", "counter = C1\r\noperator = Ram\r\ndrawer\r\n", 3, "expected key = value"),
    ]

    @Test("bad config files are refused with the line and what is wrong", arguments: badFiles.indices)
    func badConfig(index: Int) throws {
        let bad = Self.badFiles[index]
        let (loader, _) = try loader(config: bad.text)
        let error = #expect(throws: ConfigurationError.self, "\(bad.name)") { try loader.load(baseURLFlag: nil) }
        let sentence = error?.description ?? ""
        #expect(sentence.contains("config, line \(bad.line):"), "\(bad.name): \(sentence)")
        #expect(sentence.contains(bad.words), "\(bad.name): \(sentence)")
    }

    @Test("printer, drawer, calendar and bs_calendar are read; the table is loaded from the config folder")
    func newKeys() throws {
        let table = try String(contentsOf: Self.shippedTable, encoding: .utf8)
        let (loader, _) = try loader(
            config: "printer = escpos+tcp://10.0.0.5:9100  # front desk\ndrawer = kick\ncalendar = AD\nbs_calendar = bs.txt\n",
            extra: ["bs.txt": table])
        let settings = try loader.load(baseURLFlag: nil)
        #expect(settings.printer == "escpos+tcp://10.0.0.5:9100")
        #expect(settings.drawer == "kick")
        #expect(settings.calendar == .ad)
        #expect(settings.bikramSambatForPeople == nil)
        #expect(settings.bsCalendarTable == BikramSambatCalendar.shipped)
        let (plain, _) = try self.loader()
        let defaults = try plain.load(baseURLFlag: nil)
        #expect(defaults.calendar == .both && defaults.bsCalendarTable == nil && defaults.printer == nil)
        #expect(defaults.bikramSambatForPeople?.lastYear == BikramSambatCalendar.shipped.lastYear)
    }

    @Test("a bad Bikram Sambat table is refused with its file and line")
    func badTable() throws {
        var lines = try String(contentsOf: Self.shippedTable, encoding: .utf8).components(separatedBy: "\n")
        // The first year line gets a 33-day month.
        let index = try #require(lines.firstIndex { $0.hasPrefix("2000 ") })
        lines[index] = "2000  30 33 31 32 31 30 30 30 29 30 29 30"
        let (loader, folder) = try loader(config: "bs_calendar = bad.txt\n", extra: ["bad.txt": lines.joined(separator: "\n")])
        let error = #expect(throws: ConfigurationError.self) { try loader.load(baseURLFlag: nil) }
        let sentence = error?.description ?? ""
        #expect(sentence.contains("\(folder.path)/bad.txt, line \(index + 1): Jestha 2000 has 33 days"), "\(sentence)")
        let (missing, _) = try self.loader(config: "bs_calendar = /nonexistent/bs.txt\n")
        #expect((#expect(throws: ConfigurationError.self) { try missing.load(baseURLFlag: nil) })?.description.contains("there is no such file") == true)
    }

    /// A token file mistake and the words its refusal must contain; never the token.
    static let badTokens: [(name: String, contents: String?, mode: Int, folder: Bool, words: String)] = [
        ("empty", "", 0o600, false, "is empty. Write the Khalti token in it"),
        ("blank lines only", "\n  \n", 0o600, false, "is empty"),
        ("spaces inside", "TEST:ab cd\n", 0o600, false, "contains spaces or unprintable characters inside it"),
        ("readable by others", "TEST:OpenSecret", 0o644, false, "chmod 600"),
        ("a folder", nil, 0, true, "is a folder, not the token file"),
    ]

    @Test("token file mistakes name the file and the fix", arguments: badTokens.indices)
    func badTokenFile(index: Int) throws {
        let bad = Self.badTokens[index]
        let (loader, folder) = try loader(token: bad.contents, tokenMode: bad.mode)
        if bad.folder {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("token"), withIntermediateDirectories: true)
        }
        let error = #expect(throws: ConfigurationError.self, "\(bad.name)") { try loader.load(baseURLFlag: nil) }
        let sentence = error?.description ?? ""
        #expect(sentence.contains(folder.appendingPathComponent("token").path), "\(bad.name): \(sentence)")
        #expect(sentence.contains(bad.words), "\(bad.name): \(sentence)")
        #expect(!sentence.contains("OpenSecret") && !sentence.contains("ab cd"))
        if bad.folder { #expect(!sentence.contains("chmod"), "a folder gets no chmod advice") }
    }

    @Test("KHALTI_TOKEN and KHALTI_BASE_URL set but empty or blank are refused alike; unset means not given")
    func blankVariables() throws {
        for value in ["", "  ", "\n"] {
            let (token, _) = try loader(environment: ["KHALTI_TOKEN": value])
            #expect(throws: ConfigurationError.blankVariable("KHALTI_TOKEN")) { try token.load(baseURLFlag: nil) }
            let (url, _) = try loader(environment: ["KHALTI_BASE_URL": value])
            #expect(throws: ConfigurationError.blankVariable("KHALTI_BASE_URL")) { try url.load(baseURLFlag: nil) }
        }
        #expect(ConfigurationError.blankVariable("KHALTI_TOKEN").description.contains("unset KHALTI_TOKEN"))
        let (unset, _) = try loader()
        #expect(try unset.load(baseURLFlag: nil).connection == .embeddedSandbox)
    }

    @Test("a config path that is a folder, or not UTF-8, is named")
    func unreadableConfig() throws {
        let (loader, folder) = try loader()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config"), withIntermediateDirectories: true)
        #expect((#expect(throws: ConfigurationError.self) { try loader.load(baseURLFlag: nil) })?.description.contains("is a folder or a device, not a file") == true)
        let (binary, binaryFolder) = try self.loader()
        try Data([0x63, 0x6F, 0xFF, 0xFE, 0x0A]).write(to: binaryFolder.appendingPathComponent("config"))
        #expect((#expect(throws: ConfigurationError.self) { try binary.load(baseURLFlag: nil) })?.description.contains("not UTF-8") == true)
    }

    static var shippedTable: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources/bs-calendar.txt")
    }
}
