import Foundation

/// Reading a calendar table (the format of Resources/bs-calendar.txt):
///
///     # comments after #, blank lines ignored
///     1 Baishakh 2000 = 1943-04-14
///     2000  30 32 31 32 31 30 30 30 29 30 29 31
///     2001  31 31 32 31 31 31 30 29 30 29 30 30
///
/// Every check a shop's newer file must pass is here, because a wrong month length shifts
/// every later date by a day without anything looking wrong.
extension BikramSambatCalendar {
    /// The Bikram Sambat month lengths allowed, and the year's total.
    static let monthLengthRange = 29...32
    static let yearLengthRange = 365...366
    /// 1 Baishakh falls on Mesh Sankranti, 13 or 14 April in this era (12 April a century
    /// ago); a few days' margin either way still catches a wrong year or a drifting table.
    static let newYearDays = 10...17
    static let startMonthNames: Set = ["baishakh", "baisakh"]

    /// Reads and checks a table. Each line is checked as it is read, then the day each year
    /// begins; the first problem found is thrown, with its line.
    public init(tableText: String) throws(BikramSambatTableError) {
        var start: (line: Int, year: Int, day: CivilDay)?
        var years: [(line: Int, year: Int, months: [Int])] = []
        // Bytes, not Characters: the same result for this ASCII format, and no grapheme
        // breaking, which made reading the shipped table take milliseconds at start.
        var text = Array(tableText.utf8)
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }  // a byte-order mark some editors write
        for (index, line) in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let content = line.prefix { $0 != UInt8(ascii: "#") }
            // Spaces or tabs between words; a CR before the LF (Windows line ends) is white space too.
            let words = content.split(whereSeparator: Self.isSpace)
            guard let first = words.first else { continue }

            // "1 Baishakh 2000 = 1943-04-14" (or Baisakh, the other common spelling); a "1"
            // followed by a word is a start line, so a misspelt one is named as such.
            if words.count >= 2, first.elementsEqual("1".utf8), Self.number(words[1]) == nil {
                if let earlier = start {
                    throw BikramSambatTableError(line: lineNumber, problem: .secondStartLine(firstAt: earlier.line))
                }
                guard words.count == 5, Self.startMonthNames.contains(Self.string(words[1]).lowercased()),
                    words[3].elementsEqual("=".utf8), let year = Self.number(words[2])
                else {
                    throw BikramSambatTableError(
                        line: lineNumber, problem: .notAStartLine(found: Self.trimmed(content)))
                }
                guard let day = CivilDay(isoText: Self.string(words[4])) else {
                    throw BikramSambatTableError(line: lineNumber, problem: .startNotADate(Self.string(words[4])))
                }
                start = (lineNumber, year, day)
                continue
            }

            var numbers: [Int] = []
            for word in words {
                guard let number = Self.number(word) else {
                    throw BikramSambatTableError(line: lineNumber, problem: .notANumber(Self.string(word)))
                }
                numbers.append(number)
            }
            guard numbers.count == 13 else {
                throw BikramSambatTableError(line: lineNumber, problem: .notAYearLine(found: Self.trimmed(content)))
            }
            let year = numbers[0]
            let months = Array(numbers[1...])
            if let previous = years.last, year != previous.year + 1 {
                throw BikramSambatTableError(
                    line: lineNumber, problem: .yearOutOfOrder(expected: previous.year + 1, found: year))
            }
            if let month = months.firstIndex(where: { !Self.monthLengthRange.contains($0) }) {
                throw BikramSambatTableError(
                    line: lineNumber, problem: .monthLength(year: year, month: month + 1, days: months[month]))
            }
            let total = months.reduce(0, +)
            guard Self.yearLengthRange.contains(total) else {
                throw BikramSambatTableError(line: lineNumber, problem: .yearLength(year: year, days: total))
            }
            years.append((lineNumber, year, months))
        }

        guard let firstYear = years.first else { throw BikramSambatTableError(line: nil, problem: .noYears) }
        guard let start else { throw BikramSambatTableError(line: nil, problem: .noStartLine) }
        guard start.year == firstYear.year else {
            throw BikramSambatTableError(
                line: start.line, problem: .startYearMismatch(startYear: start.year, firstYear: firstYear.year))
        }
        self.init(firstYear: firstYear.year, firstDay: start.day, monthLengths: years.map(\.months))

        // Each year's 1 Baishakh in mid-April of its AD year (the BS year less 57).
        for (index, entry) in years.enumerated() {
            guard let newYear = civilDay(for: BSDate(year: entry.year, month: 1, day: 1)) else { continue }
            if newYear.year == Int64(entry.year - 57), newYear.month == 4, Self.newYearDays.contains(newYear.day) {
                continue
            }
            throw index == 0
                ? BikramSambatTableError(line: start.line, problem: .startOutOfSeason(year: entry.year, day: newYear))
                : BikramSambatTableError(line: entry.line, problem: .newYearOutOfSeason(year: entry.year, day: newYear))
        }
    }

    /// Reads and checks the table in a file (`bs_calendar = PATH` in the config).
    public static func load(path: String) throws(BikramSambatTableError) -> BikramSambatCalendar {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason =
                switch (error as? CocoaError)?.code {
                case .fileReadNoSuchFile?: "there is no such file"
                case .fileReadNoPermission?: "this user may not read it (see its permissions)"
                default: "it cannot be read (is it a folder?)"
                }
            throw BikramSambatTableError(file: path, line: nil, problem: .unreadable(reason: reason))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw BikramSambatTableError(file: path, line: nil, problem: .notText)
        }
        do {
            return try BikramSambatCalendar(tableText: text)
        } catch {
            throw BikramSambatTableError(file: path, line: error.line, problem: error.problem)
        }
    }

    /// A year or a number of days: one to four ASCII digits.
    private static func number(_ word: ArraySlice<UInt8>) -> Int? {
        guard (1...4).contains(word.count) else { return nil }
        var value = 0
        for byte in word {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A line as the error quotes it, without the white space around it.
    private static func trimmed(_ content: ArraySlice<UInt8>) -> String {
        guard let first = content.firstIndex(where: { !isSpace($0) }),
            let last = content.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return string(content[first...last])
    }
}
