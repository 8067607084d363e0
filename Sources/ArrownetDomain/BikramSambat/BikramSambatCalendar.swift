/// The Bikram Sambat (BS) calendar, by a table: the length of every month of every year it
/// covers, and the AD day its first year begins.
///
/// A table, not a formula: the Nepal Panchanga Nirnayak Samiti fixes each year's month
/// lengths from the sun's position, about a year ahead, and no rule predicts them. So the
/// calendar converts only inside its table (its confirmed years) and answers nil outside:
/// a guessed BS date on a receipt would be worse than none. Build one from a table's text
/// (`init(tableText:)`, `load(path:)`) or take the table compiled into the binary
/// (`shipped`).
public struct BikramSambatCalendar: Hashable, Sendable {
    /// The first year in the table; its 1 Baishakh is `firstDay`.
    public let firstYear: Int
    /// The AD day of 1 Baishakh of `firstYear`.
    public let firstDay: CivilDay
    /// The days of each month, Baishakh first, one array per year from `firstYear` on.
    private let monthLengths: [[Int]]
    /// Days since 1970 of 1 Baishakh of each year, then of the day after the last year.
    private let yearStarts: [Int64]

    /// A calendar from month lengths already checked (`init(tableText:)` checks them).
    init(firstYear: Int, firstDay: CivilDay, monthLengths: [[Int]]) {
        self.firstYear = firstYear
        self.firstDay = firstDay
        self.monthLengths = monthLengths
        var starts = [firstDay.daysSince1970]
        for months in monthLengths {
            starts.append(starts[starts.count - 1] + Int64(months.reduce(0, +)))
        }
        yearStarts = starts
    }

    /// The last year in the table: the last one whose calendar is confirmed.
    public var lastYear: Int { firstYear + monthLengths.count - 1 }

    /// The AD day of the last day (Chaitra) of `lastYear`.
    public var lastDay: CivilDay { CivilDay(daysSince1970: yearStarts[yearStarts.count - 1] - 1) }

    /// The number of days in `month` (1 to 12) of `year`, or nil outside the table.
    public func length(ofMonth month: Int, in year: Int) -> Int? {
        guard (firstYear...lastYear).contains(year), (1...12).contains(month) else { return nil }
        return monthLengths[year - firstYear][month - 1]
    }

    /// The BS date of an AD day, or nil when the day is outside the table's years.
    public func bsDate(for day: CivilDay) -> BSDate? {
        let days = day.daysSince1970
        guard days >= yearStarts[0], days < yearStarts[yearStarts.count - 1] else { return nil }
        // The last year starting on or before `days` (a binary search over ~100 years).
        var low = 0
        var high = yearStarts.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if yearStarts[middle] <= days { low = middle } else { high = middle }
        }
        var dayOfYear = Int(days - yearStarts[low])
        for (index, length) in monthLengths[low].enumerated() {
            if dayOfYear < length {
                return BSDate(year: firstYear + low, month: index + 1, day: dayOfYear + 1)
            }
            dayOfYear -= length
        }
        return nil  // unreachable: the year's months add up to the gap between its start and the next
    }

    /// The AD day of a BS date, or nil when the date is outside the table or its month
    /// has no such day.
    public func civilDay(for date: BSDate) -> CivilDay? {
        guard let length = length(ofMonth: date.month, in: date.year), (1...length).contains(date.day) else {
            return nil
        }
        let months = monthLengths[date.year - firstYear]
        let daysBefore = months[..<(date.month - 1)].reduce(0, +) + date.day - 1
        return CivilDay(daysSince1970: yearStarts[date.year - firstYear] + Int64(daysBefore))
    }

    /// `2083 Mangsir 15 (2026-12-01)`, or the AD date alone (`2026-12-01`) outside the
    /// table: a date is never shown in a guessed BS form.
    public func dualText(for day: CivilDay) -> String {
        guard let date = bsDate(for: day) else { return day.isoText }
        return "\(date.text) (\(day.isoText))"
    }
}
