import Foundation

/// The counter's calendar: Gregorian days at a fixed offset from UTC, Nepal Standard
/// Time (UTC+05:45) by default.
///
/// Not Foundation's `Calendar`: merely creating one looks up the machine's time zone
/// through ICU, which the console would then carry (about 6 MB resident and a slower
/// first screen; see README "Benchmarks"). Nepal has kept +05:45 without daylight
/// saving since 1986, so a fixed offset is exact here, and the arithmetic the counter
/// needs (days, start of day, whole months) is small. Tests check it against
/// Foundation's `Calendar` in both directions.
public struct CounterCalendar: Hashable, Sendable {
    public let secondsFromGMT: Int

    public init(secondsFromGMT: Int) {
        self.secondsFromGMT = secondsFromGMT
    }

    /// Nepal Standard Time, UTC+05:45: every counter's calendar.
    public static let nepal = CounterCalendar(secondsFromGMT: 5 * 3600 + 45 * 60)

    /// The calendar day `date` falls on here.
    public func day(of date: Date) -> CivilDay {
        CivilDay(daysSince1970: localSeconds(date).floorDivided(by: 86_400).quotient)
    }

    /// Hour and minute on the clock here.
    public func clock(of date: Date) -> (hour: Int, minute: Int) {
        let secondOfDay = localSeconds(date).floorDivided(by: 86_400).remainder
        return (Int(secondOfDay / 3600), Int(secondOfDay / 60 % 60))
    }

    public func startOfDay(for date: Date) -> Date {
        start(of: day(of: date))
    }

    /// The moment `day` begins here.
    public func start(of day: CivilDay) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.daysSince1970 * 86_400 - Int64(secondsFromGMT)))
    }

    /// The moment the clock here shows `hour:minute` on `day`.
    public func date(_ day: CivilDay, hour: Int = 0, minute: Int = 0) -> Date {
        start(of: day).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    public func isDate(_ date: Date, inSameDayAs other: Date) -> Bool {
        day(of: date) == day(of: other)
    }

    /// `date` moved by whole months, the clock unchanged; a day the month lacks becomes
    /// its last (31 January + 1 month = 28 or 29 February), as Foundation does.
    public func adding(months: Int, to date: Date) -> Date {
        let from = day(of: date)
        let (year, monthOfYear) = (from.year * 12 + Int64(from.month - 1) + Int64(months)).floorDivided(by: 12)
        let month = Int(monthOfYear) + 1
        let to = CivilDay(year: year, month: month, day: min(from.day, CivilDay.length(ofMonth: month, in: year)))
        return date.addingTimeInterval(TimeInterval((to.daysSince1970 - from.daysSince1970) * 86_400))
    }

    private func localSeconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(secondsFromGMT)
    }
}

/// A day of the proleptic Gregorian calendar, with no time and no place.
public struct CivilDay: Hashable, Comparable, Sendable {
    public let year: Int64
    public let month: Int
    public let day: Int

    public init(year: Int64, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Howard Hinnant's civil_from_days: exact integer arithmetic, no calendar object.
    public init(daysSince1970 days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(
            year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: Int(month),
            day: Int(dayOfYear - (153 * shiftedMonth + 2) / 5 + 1))
    }

    /// Howard Hinnant's days_from_civil.
    public var daysSince1970: Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = Int64((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1)
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public func adding(days: Int) -> CivilDay {
        CivilDay(daysSince1970: daysSince1970 + Int64(days))
    }

    public static func length(ofMonth month: Int, in year: Int64) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension Int64 {
    /// Quotient and remainder rounded towards minus infinity (the remainder is never negative).
    package func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}

extension Date {
    /// Milliseconds since 1970, rounded to the nearest, half up, as Foundation's date
    /// formatter rounds: how every journal keeps a time, so one instant reads back the
    /// same from SQLite, from PostgreSQL, and after `journal copy` between them.
    package var journalMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000 + 0.5).rounded(.down)) }
}
