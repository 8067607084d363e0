import ArrownetDomain
import Foundation
import Testing

/// Reading a calendar table: the shipped one, a shop's file, and every kind of bad line
/// refused with its line number.
@Suite("Bikram Sambat calendar table")
struct BikramSambatTableTests {
    /// A small valid table; the bad tables below change one line of it.
    static let goodLines = [
        "# A test table",  // 1
        "1 Baishakh 2081 = 2024-04-13",  // 2
        "",  // 3
        "2081  31 32 31 32 31 30 30 30 29 30 29 31",  // 4
        "2082  31 31 32 31 31 31 30 29 30 29 30 30   # a comment after a year",  // 5
        "2083  31 31 32 31 31 31 30 29 30 29 30 30",  // 6
    ]

    static func table(replacing line: Int? = nil, with text: String = "", adding extra: [String] = []) -> String {
        var lines = goodLines
        if let line { lines[line - 1] = text }
        return (lines + extra).joined(separator: "\n") + "\n"
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let resourcePath = repository.appendingPathComponent("Resources/bs-calendar.txt").path

    @Test("a good table: its years, first and last day, month lengths")
    func goodTable() throws {
        let calendar = try BikramSambatCalendar(tableText: Self.table())
        #expect(calendar.firstYear == 2081)
        #expect(calendar.lastYear == 2083)
        #expect(calendar.firstDay == CivilDay(year: 2024, month: 4, day: 13))
        #expect(calendar.lastDay == CivilDay(year: 2027, month: 4, day: 13))
        #expect(calendar.length(ofMonth: 12, in: 2081) == 31)
        #expect(calendar.length(ofMonth: 8, in: 2083) == 29)
        #expect(calendar.length(ofMonth: 1, in: 2084) == nil)
        #expect(calendar.length(ofMonth: 13, in: 2083) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 2082, month: 1, day: 1)) == CivilDay(year: 2025, month: 4, day: 14))
    }

    @Test("Windows line endings, a byte-order mark, tabs and the spelling Baisakh read the same")
    func editorsVariants() throws {
        let plain = try BikramSambatCalendar(tableText: Self.table())
        let windows = "\u{FEFF}" + Self.table().replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try BikramSambatCalendar(tableText: windows) == plain)
        let tabs = Self.table().replacingOccurrences(of: "  ", with: "\t").replacingOccurrences(of: " ", with: "\t")
        #expect(try BikramSambatCalendar(tableText: tabs) == plain)
        let otherSpelling = Self.table(replacing: 2, with: "1 BAISAKH 2081 = 2024-04-13")
        #expect(try BikramSambatCalendar(tableText: otherSpelling) == plain)
        // Line numbers still count the lines a Windows editor shows.
        let badWindows = Self.table(replacing: 6, with: "2083  31 31 32 31 31 31 30 29 30 29 30 33")
            .replacingOccurrences(of: "\n", with: "\r\n")
        #expect(throws: BikramSambatTableError(line: 6, problem: .monthLength(year: 2083, month: 12, days: 33))) {
            try BikramSambatCalendar(tableText: badWindows)
        }
    }

    struct BadTable: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int?
        let problem: BikramSambatTableError.Problem
        var testDescription: String { name }
    }

    static let badTables: [BadTable] = [
        BadTable(
            name: "a letter in a number", text: table(replacing: 5, with: "2082  31 31 32 3l 31 31 30 29 30 29 30 30"),
            line: 5, problem: .notANumber("3l")),
        BadTable(
            name: "eleven months", text: table(replacing: 5, with: "2082  31 31 32 31 31 31 30 29 30 29 30"),
            line: 5, problem: .notAYearLine(found: "2082  31 31 32 31 31 31 30 29 30 29 30")),
        BadTable(
            name: "a word", text: table(replacing: 3, with: "Baishakh"),
            line: 3, problem: .notANumber("Baishakh")),
        BadTable(
            name: "a year missing", text: table(replacing: 5, with: "# 2082 left out"),
            line: 6, problem: .yearOutOfOrder(expected: 2082, found: 2083)),
        BadTable(
            name: "a year twice", text: table(replacing: 6, with: "2082  31 31 32 31 31 31 30 29 30 29 30 30"),
            line: 6, problem: .yearOutOfOrder(expected: 2083, found: 2082)),
        BadTable(
            name: "a 33-day month", text: table(replacing: 5, with: "2082  31 31 32 31 33 29 30 29 30 29 30 30"),
            line: 5, problem: .monthLength(year: 2082, month: 5, days: 33)),
        BadTable(
            name: "a 28-day month", text: table(replacing: 4, with: "2081  31 32 31 32 31 30 30 30 28 30 30 31"),
            line: 4, problem: .monthLength(year: 2081, month: 9, days: 28)),
        BadTable(
            name: "a 367-day year", text: table(replacing: 5, with: "2082  31 31 32 31 31 31 30 29 30 29 30 32"),
            line: 5, problem: .yearLength(year: 2082, days: 367)),
        BadTable(
            name: "a 364-day year", text: table(replacing: 5, with: "2082  31 31 32 31 31 31 30 29 29 29 30 30"),
            line: 5, problem: .yearLength(year: 2082, days: 364)),
        BadTable(
            name: "a start line without =", text: table(replacing: 2, with: "1 Baishakh 2081 2024-04-13"),
            line: 2, problem: .notAStartLine(found: "1 Baishakh 2081 2024-04-13")),
        BadTable(
            name: "a start line in another month", text: table(replacing: 2, with: "1 Jestha 2081 = 2024-05-14"),
            line: 2, problem: .notAStartLine(found: "1 Jestha 2081 = 2024-05-14")),
        BadTable(
            name: "a start day that does not exist", text: table(replacing: 2, with: "1 Baishakh 2081 = 2024-02-30"),
            line: 2, problem: .startNotADate("2024-02-30")),
        BadTable(
            name: "two start lines", text: table(adding: ["1 baishakh 2081 = 2024-04-13"]),
            line: 7, problem: .secondStartLine(firstAt: 2)),
        BadTable(
            name: "no start line", text: table(replacing: 2, with: "# no start"),
            line: nil, problem: .noStartLine),
        BadTable(
            name: "no years", text: "# nothing\n1 Baishakh 2081 = 2024-04-13\n\n",
            line: nil, problem: .noYears),
        BadTable(
            name: "the start of another year", text: table(replacing: 2, with: "1 Baishakh 2080 = 2024-04-13"),
            line: 2, problem: .startYearMismatch(startYear: 2080, firstYear: 2081)),
        BadTable(
            name: "a start out of mid-April", text: table(replacing: 2, with: "1 Baishakh 2081 = 2024-05-13"),
            line: 2,
            problem: .startOutOfSeason(year: 2081, day: CivilDay(year: 2024, month: 5, day: 13))),
        BadTable(
            name: "a start in the wrong AD year", text: table(replacing: 2, with: "1 Baishakh 2081 = 2025-04-13"),
            line: 2,
            problem: .startOutOfSeason(year: 2081, day: CivilDay(year: 2025, month: 4, day: 13))),
        // Every line passes alone, but a start three days late and a day too many in 2082
        // push 1 Baishakh 2083 to 18 April.
        BadTable(
            name: "years drifting out of mid-April",
            text: [
                "1 Baishakh 2081 = 2024-04-16",
                "2081  31 32 31 32 31 30 30 30 29 30 29 31",
                "2082  31 31 32 31 31 31 30 29 30 29 30 31",
                "2083  31 31 32 31 31 31 30 29 30 29 30 30",
            ].joined(separator: "\n"),
            line: 4,
            problem: .newYearOutOfSeason(year: 2083, day: CivilDay(year: 2026, month: 4, day: 18))),
    ]

    @Test("a bad line is refused with its number", arguments: badTables)
    func badLine(_ bad: BadTable) {
        #expect(throws: BikramSambatTableError(line: bad.line, problem: bad.problem)) {
            try BikramSambatCalendar(tableText: bad.text)
        }
    }

    @Test("errors read as sentences that name the line")
    func sentences() {
        #expect(
            BikramSambatTableError(line: 7, problem: .monthLength(year: 2082, month: 5, days: 33)).description
                == "Bikram Sambat calendar, line 7: Bhadra 2082 has 33 days; a Bikram Sambat month has 29 to 32.")
        #expect(
            BikramSambatTableError(file: "/etc/bs.txt", line: 9, problem: .yearLength(year: 2082, days: 367))
                .description
                == "The Bikram Sambat calendar /etc/bs.txt, line 9: the months of 2082 add up to 367 days; "
                + "a Bikram Sambat year has 365 or 366.")
        #expect(
            BikramSambatTableError(line: 6, problem: .yearOutOfOrder(expected: 2082, found: 2083)).description
                == "Bikram Sambat calendar, line 6: the year after 2081 is 2082, but this line is 2083; "
                + "list every year once, in order.")
        #expect(
            BikramSambatTableError(line: nil, problem: .noStartLine).description
                == "Bikram Sambat calendar: no line gives the day the first year begins, "
                + "like \"1 Baishakh 2000 = 1943-04-14\".")
    }

    @Test("load(path:) reads a real file, and names the file and line when it refuses one")
    func loadFromFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bs-calendar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let good = folder.appendingPathComponent("good.txt")
        try Data(Self.table().utf8).write(to: good)
        #expect(try BikramSambatCalendar.load(path: good.path) == BikramSambatCalendar(tableText: Self.table()))

        let bad = folder.appendingPathComponent("bad.txt")
        try Data(Self.table(replacing: 5, with: "2082  31 31 32 31 33 29 30 29 30 29 30 30").utf8).write(to: bad)
        let refusal = #expect(throws: BikramSambatTableError.self) { try BikramSambatCalendar.load(path: bad.path) }
        #expect(refusal?.file == bad.path)
        #expect(refusal?.line == 5)
        #expect(refusal?.description.hasPrefix("The Bikram Sambat calendar \(bad.path), line 5: Bhadra 2082 has 33") == true)

        let missing = folder.appendingPathComponent("missing.txt").path
        #expect(throws: BikramSambatTableError(file: missing, line: nil, problem: .unreadable(reason: "there is no such file"))) {
            try BikramSambatCalendar.load(path: missing)
        }
        let notText = folder.appendingPathComponent("binary.txt")
        try Data([0x32, 0x30, 0xFF, 0xFE, 0x00]).write(to: notText)
        #expect(throws: BikramSambatTableError(file: notText.path, line: nil, problem: .notText)) {
            try BikramSambatCalendar.load(path: notText.path)
        }
        let folderRefusal = #expect(throws: BikramSambatTableError.self) { try BikramSambatCalendar.load(path: folder.path) }
        #expect(folderRefusal?.line == nil)
    }

    @Test("the compiled-in table is Resources/bs-calendar.txt byte for byte (else run scripts/embed-bs-calendar)")
    func shippedIsTheResource() throws {
        let resource = try Data(contentsOf: URL(fileURLWithPath: Self.resourcePath))
        #expect(Data(BikramSambatCalendar.shippedTableText.utf8) == resource)
        #expect(try BikramSambatCalendar.load(path: Self.resourcePath) == BikramSambatCalendar.shipped)
    }

    @Test("the shipped table covers BS 2000 to 2083: 14 April 1943 to 13 April 2027")
    func shippedRange() {
        let shipped = BikramSambatCalendar.shipped
        #expect(shipped.firstYear == 2000)
        #expect(shipped.lastYear == 2083)
        #expect(shipped.firstDay == CivilDay(year: 1943, month: 4, day: 14))
        #expect(shipped.lastDay == CivilDay(year: 2027, month: 4, day: 13))
    }
}
