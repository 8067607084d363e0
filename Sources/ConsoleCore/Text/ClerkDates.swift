import ArrownetDomain
import Foundation

/// Dates and times as the counter shows and prints them, in the counter's own
/// calendar (Nepal time). Written by hand rather than with DateFormatter so the
/// text never depends on the machine's locale: `2025-11-27`, `14:05`.
public enum ClerkDates {
    public static func day(_ date: Date, in calendar: CounterCalendar) -> String {
        let day = calendar.day(of: date)
        return "\(day.year)-\(twoDigits(day.month))-\(twoDigits(day.day))"
    }

    public static func time(_ date: Date, in calendar: CounterCalendar) -> String {
        let clock = calendar.clock(of: date)
        return "\(twoDigits(clock.hour)):\(twoDigits(clock.minute))"
    }

    public static func dayAndTime(_ date: Date, in calendar: CounterCalendar) -> String {
        "\(day(date, in: calendar)) \(time(date, in: calendar))"
    }

    /// `14:05` when `date` falls on the same day as `reference`, else `2025-11-26 14:05`:
    /// a clerk reading "checked at 14:05" needs no date for today.
    public static func timeOrDayAndTime(_ date: Date, relativeTo reference: Date, in calendar: CounterCalendar) -> String {
        calendar.isDate(date, inSameDayAs: reference) ? time(date, in: calendar) : dayAndTime(date, in: calendar)
    }

    /// The day in Bikram Sambat beside AD, `2083 Mangsir 15 (2026-12-01)`, when `bs` is
    /// given (nil: `calendar = ad`) and its table covers the day; else AD alone.
    public static func day(_ date: Date, in calendar: CounterCalendar, bs: BikramSambatCalendar?) -> String {
        guard let bs else { return day(date, in: calendar) }
        return bs.dualText(for: calendar.day(of: date))
    }

    /// `2083 Mangsir 15 (2026-12-01) 14:05`, or `2026-12-01 14:05` (see `day(_:in:bs:)`).
    public static func dayAndTime(_ date: Date, in calendar: CounterCalendar, bs: BikramSambatCalendar?) -> String {
        "\(day(date, in: calendar, bs: bs)) \(time(date, in: calendar))"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
