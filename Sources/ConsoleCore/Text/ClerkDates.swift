import Foundation

/// Dates and times as the counter shows and prints them, in the counter's own
/// calendar (Nepal time). Written by hand rather than with DateFormatter so the
/// text never depends on the machine's locale: `2025-11-27`, `14:05`.
public enum ClerkDates {
    /// Nepal Standard Time (UTC+05:45), the default for every counter.
    public static let nepal: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kathmandu") ?? TimeZone(secondsFromGMT: 20_700)!
        return calendar
    }()

    public static func day(_ date: Date, in calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year ?? 0)-\(twoDigits(parts.month))-\(twoDigits(parts.day))"
    }

    public static func time(_ date: Date, in calendar: Calendar) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return "\(twoDigits(parts.hour)):\(twoDigits(parts.minute))"
    }

    public static func dayAndTime(_ date: Date, in calendar: Calendar) -> String {
        "\(day(date, in: calendar)) \(time(date, in: calendar))"
    }

    /// `14:05` when `date` falls on the same day as `reference`, else `2025-11-26 14:05`:
    /// a clerk reading "checked at 14:05" needs no date for today.
    public static func timeOrDayAndTime(_ date: Date, relativeTo reference: Date, in calendar: Calendar) -> String {
        calendar.isDate(date, inSameDayAs: reference) ? time(date, in: calendar) : dayAndTime(date, in: calendar)
    }

    private static func twoDigits(_ value: Int?) -> String {
        let value = value ?? 0
        return value < 10 ? "0\(value)" : "\(value)"
    }
}
