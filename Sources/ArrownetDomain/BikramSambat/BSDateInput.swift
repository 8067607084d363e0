extension BikramSambatCalendar {
    /// The AD day of a BS date typed as `2083-08-15` (a command option, say), or the reason
    /// it is not one this calendar can convert.
    public func civilDay(fromISOText text: String) throws(BSDateInputError) -> CivilDay {
        guard let date = BSDate(isoText: text) else { throw .notADate(text) }
        guard (firstYear...lastYear).contains(date.year) else {
            throw .outsideTable(date, firstYear: firstYear, lastYear: lastYear)
        }
        guard let day = civilDay(for: date) else {
            // The year is in the table and the month 1 to 12, so only the day can be wrong.
            throw .noSuchDay(date, monthLength: length(ofMonth: date.month, in: date.year) ?? 0)
        }
        return day
    }
}

public enum BSDateInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADate(String)
    case noSuchDay(BSDate, monthLength: Int)
    case outsideTable(BSDate, firstYear: Int, lastYear: Int)

    public var description: String {
        switch self {
        case .notADate(let text):
            "\"\(text)\" is not a Bikram Sambat date; write it as YYYY-MM-DD, like 2083-08-15."
        case .noSuchDay(let date, let length):
            "\(date.monthName) \(date.year) has \(length) days, so \(date.isoText) is not a day."
        case .outsideTable(let date, let firstYear, let lastYear):
            "\(date.isoText) is outside the Bikram Sambat calendar this console has (\(firstYear) to \(lastYear)); "
                + "give the date in AD, or load a newer calendar (bs_calendar in the config)."
        }
    }
}
