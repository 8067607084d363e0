import ArrownetDomain
import Foundation
import GRDB

/// A moment as the journal and the sandbox ledger keep it: the text GRDB itself writes
/// for a `Date` ("yyyy-MM-dd HH:mm:ss.SSS", UTC), so rows written before and after read
/// and compare the same. Written by hand because GRDB writes dates with a
/// `DateFormatter`, and that one formatter loads ICU: about 11 MB resident in the
/// console and slower payments (see README "Benchmarks").
public struct StoredTime: Sendable, Hashable {
    public let date: Date

    public init(_ date: Date) {
        self.date = date
    }

    /// "2026-11-27 04:49:11.123": rounded to the nearest millisecond, half up, as
    /// Foundation's formatter does (the tests check it against GRDB's own text). The same
    /// text as GRDB's from 1583 on; before, ICU counts Julian days and this does not.
    public var text: String {
        let (days, millisecondOfDay) = date.journalMilliseconds.floorDivided(by: 86_400_000)
        let day = CivilDay(daysSince1970: days)
        let hour = millisecondOfDay / 3_600_000
        let minute = millisecondOfDay / 60_000 % 60
        let second = millisecondOfDay / 1000 % 60
        let millisecond = millisecondOfDay % 1000
        return "\(Self.padded(day.year, 4))-\(Self.padded(Int64(day.month), 2))-\(Self.padded(Int64(day.day), 2)) "
            + "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2)).\(Self.padded(millisecond, 3))"
    }

    /// Reads the text this type writes; anything else SQLite or GRDB accepts as a date
    /// (other precisions, a number of seconds) goes to GRDB's own reading.
    public init?(text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 23, digits[4] == UInt8(ascii: "-"), digits[7] == UInt8(ascii: "-"),
            digits[10] == UInt8(ascii: " "), digits[13] == UInt8(ascii: ":"), digits[16] == UInt8(ascii: ":"),
            digits[19] == UInt8(ascii: "."),
            let year = Self.number(digits[0..<4]), let month = Self.number(digits[5..<7]),
            let day = Self.number(digits[8..<10]), let hour = Self.number(digits[11..<13]),
            let minute = Self.number(digits[14..<16]), let second = Self.number(digits[17..<19]),
            let millisecond = Self.number(digits[20..<23]),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilDay(year: year, month: Int(month), day: Int(day)).daysSince1970
        let milliseconds = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millisecond
        self.init(Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension StoredTime: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue {
        text.databaseValue
    }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredTime? {
        if let text = String.fromDatabaseValue(dbValue), let time = StoredTime(text: text) {
            return time
        }
        return Date.fromDatabaseValue(dbValue).map(StoredTime.init)
    }
}

extension Date {
    /// This moment as the journal and the ledger store it.
    public var stored: StoredTime { StoredTime(self) }
}
