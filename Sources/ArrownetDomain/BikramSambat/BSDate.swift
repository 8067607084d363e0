/// A day of the Bikram Sambat (BS) calendar, Nepal's official one: year, month 1 (Baishakh)
/// to 12 (Chaitra), day of the month.
///
/// Only a `BikramSambatCalendar` knows whether a day exists (month lengths change from
/// year to year), so a `BSDate` is made by the calendar's conversion or checked by it.
public struct BSDate: Hashable, Comparable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The months in Latin letters, as Nepali calendars print them in English.
    public static let monthNames = [
        "Baishakh", "Jestha", "Ashadh", "Shrawan", "Bhadra", "Ashwin",
        "Kartik", "Mangsir", "Poush", "Magh", "Falgun", "Chaitra",
    ]

    public var monthName: String {
        (1...12).contains(month) ? Self.monthNames[month - 1] : "month \(month)"
    }

    /// `2083 Mangsir 15`: what the clerk and the customer read.
    public var text: String {
        "\(year) \(monthName) \(day)"
    }

    /// `2083-08-15`: for JSON (`*_bs` fields) and for typing a date in a command.
    public var isoText: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// Reads `2083-08-15` (four-digit year, two-digit month 01 to 12, two-digit day 01 to 32).
    /// Whether the month has that day is the calendar's question, not this one's.
    public init?(isoText: String) {
        guard let (year, month, day) = ISODateText.fields(of: isoText),
            (1...12).contains(month), (1...32).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: BSDate, rhs: BSDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// `YYYY-MM-DD` split into numbers, ASCII digits only, for both calendars' dates.
enum ISODateText {
    static func fields(of text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10])
        else { return nil }
        return (year, month, day)
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
