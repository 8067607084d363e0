/// Why a Bikram Sambat calendar table was refused, with the line that is wrong, in words a
/// shop owner who edited the file can act on.
public struct BikramSambatTableError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case unreadable(reason: String)
        case notText
        case notANumber(String)
        case notAYearLine(found: String)
        case yearOutOfOrder(expected: Int, found: Int)
        case monthLength(year: Int, month: Int, days: Int)
        case yearLength(year: Int, days: Int)
        case notAStartLine(found: String)
        case startNotADate(String)
        case secondStartLine(firstAt: Int)
        case noStartLine
        case noYears
        case startYearMismatch(startYear: Int, firstYear: Int)
        case startOutOfSeason(year: Int, day: CivilDay)
        case newYearOutOfSeason(year: Int, day: CivilDay)
    }

    /// The file's path when it was read from a file.
    public let file: String?
    /// The 1-based line that is wrong; nil when the whole file is (unreadable, no years).
    public let line: Int?
    public let problem: Problem

    public init(file: String? = nil, line: Int?, problem: Problem) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        let place =
            switch (file, line) {
            case (let file?, let line?): "The Bikram Sambat calendar \(file), line \(line)"
            case (let file?, nil): "The Bikram Sambat calendar \(file)"
            case (nil, let line?): "Bikram Sambat calendar, line \(line)"
            case (nil, nil): "Bikram Sambat calendar"
            }
        return "\(place): \(sentence)"
    }

    private var sentence: String {
        switch problem {
        case .unreadable(let reason):
            "\(reason)."
        case .notText:
            "this is not a text file (it is not UTF-8)."
        case .notANumber(let word):
            "\"\(word)\" is not a whole number; a line holds a year and the days of its months."
        case .notAYearLine(let found):
            "this line should be a year and the days of its 12 months, like "
                + "\"2083 31 31 32 31 31 31 30 29 30 29 30 30\"; it reads \"\(found)\"."
        case .yearOutOfOrder(let expected, let found):
            "the year after \(expected - 1) is \(expected), but this line is \(found); list every year once, in order."
        case .monthLength(let year, let month, let days):
            "\(BSDate.monthNames[month - 1]) \(year) has \(days) days; a Bikram Sambat month has 29 to 32."
        case .yearLength(let year, let days):
            "the months of \(year) add up to \(days) days; a Bikram Sambat year has 365 or 366."
        case .notAStartLine(let found):
            "this line should give the day the first year begins, like \"1 Baishakh 2000 = 1943-04-14\"; "
                + "it reads \"\(found)\"."
        case .startNotADate(let text):
            "\(text) is not a day of the AD calendar; write it as YYYY-MM-DD."
        case .secondStartLine(let firstAt):
            "this is a second \"1 Baishakh\" line (the first is line \(firstAt)); the file needs exactly one."
        case .noStartLine:
            "no line gives the day the first year begins, like \"1 Baishakh 2000 = 1943-04-14\"."
        case .noYears:
            "no years are listed."
        case .startYearMismatch(let startYear, let firstYear):
            "this line gives the start of \(startYear), but the first year listed is \(firstYear); "
                + "give the AD date of 1 Baishakh \(firstYear)."
        case .startOutOfSeason(let year, let day):
            "1 Baishakh \(year) cannot be \(day.isoText); it falls between 10 and 17 April \(year - 57)."
        case .newYearOutOfSeason(let year, let day):
            "by the month lengths above, 1 Baishakh \(year) would be \(day.isoText), but it always falls "
                + "between 10 and 17 April; a month length above this line, or the first line's date, is wrong."
        }
    }
}
