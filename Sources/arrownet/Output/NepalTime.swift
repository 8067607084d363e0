import ArrownetDomain
import Foundation
import KhaltiClient

/// Every date and time a command shows, in one clock: Nepal time (NPT, UTC+05:45), as the
/// console and the receipts show them, whatever the machine's time zone. Text for people
/// says `NPT` once per output (`note`, or a column's name); JSON writes ISO 8601 with the
/// offset (`2026-12-02T05:32:10+05:45`) and the Bikram Sambat day beside it (`*_bs`);
/// CSV writes `2026-12-02 05:32:10` under `*_npt` column names, which spreadsheets read
/// as a time.
///
/// Written by hand on `CounterCalendar` (whole-second integer arithmetic), not with a
/// DateFormatter: nothing here depends on the locale or loads ICU, and a history of
/// thousands of rows formats no slower than it prints.
struct NepalTime: Sendable {
    let calendar: CounterCalendar
    /// Bikram Sambat dates beside AD ones for people; nil with `calendar = ad`.
    let bikramSambat: BikramSambatCalendar?
    /// For the `*_bs` fields of JSON and CSV, which are always given (null outside the table).
    let table: BikramSambatCalendar

    static let label = "NPT"
    /// The line that labels an output's times once.
    static let note = "Dates and times are Nepal time (NPT, UTC+05:45)."

    init(calendar: CounterCalendar = .nepal, bikramSambat: BikramSambatCalendar?, table: BikramSambatCalendar) {
        self.calendar = calendar
        self.bikramSambat = bikramSambat
        self.table = table
    }

    init(_ settings: ConsoleSettings) {
        self.init(bikramSambat: settings.bikramSambatForPeople, table: settings.bikramSambatTable)
    }

    // MARK: For people

    /// `2083 Mangsir 15 (2026-12-01)`, or `2026-12-01` with `calendar = ad` or outside
    /// the Bikram Sambat table.
    func day(_ day: CivilDay) -> String {
        bikramSambat?.dualText(for: day) ?? day.isoText
    }

    /// The day of `date` in Nepal, as `day(_:)` writes it.
    func day(of date: Date) -> String {
        day(calendar.day(of: date))
    }

    /// `2083 Mangsir 16 (2026-12-02) 05:32`.
    func dayAndTime(_ date: Date) -> String {
        "\(day(of: date)) \(clock(date))"
    }

    /// `2026-12-02 05:32`: compact, for tables and lists.
    func short(_ date: Date) -> String {
        "\(calendar.day(of: date).isoText) \(clock(date))"
    }

    /// `05:32`.
    func clock(_ date: Date) -> String {
        let (hour, minute) = calendar.clock(of: date)
        return "\(Self.two(hour)):\(Self.two(minute))"
    }

    // MARK: For programs

    /// `2026-12-02T05:32:10+05:45` (`CounterCalendar.isoText`, shared with the shift reports).
    func iso(_ date: Date) -> String {
        calendar.isoText(date)
    }

    /// `2026-12-02 05:32:10`, for CSV columns named `*_npt`.
    func csv(_ date: Date) -> String {
        let iso = calendar.isoText(date)  // 2026-12-02T05:32:10+05:45
        return "\(iso.prefix(10)) \(iso.dropFirst(11).prefix(8))"
    }

    /// `2083-08-16`, or nil outside the Bikram Sambat table.
    func bs(_ date: Date) -> String? {
        bs(calendar.day(of: date))
    }

    func bs(_ day: CivilDay) -> String? {
        table.bsDate(for: day)?.isoText
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
