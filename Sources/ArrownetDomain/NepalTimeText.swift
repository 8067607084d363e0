import Foundation

extension CounterCalendar {
    /// `2026-12-02T11:17:05+05:45`: ISO 8601 with this calendar's offset, written by hand
    /// (Foundation's ISO formatters look the zone up through ICU, which the console keeps
    /// out of its process). Machine outputs (JSON, stored reports) use it.
    public func isoText(_ date: Date) -> String {
        let day = self.day(of: date)
        let secondOfDay = (Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(secondsFromGMT)).floorDivided(by: 86_400).remainder
        let offset = abs(secondsFromGMT)
        return "\(day.isoText)T\(Self.two(Int(secondOfDay / 3600))):\(Self.two(Int(secondOfDay / 60 % 60))):\(Self.two(Int(secondOfDay % 60)))"
            + "\(secondsFromGMT < 0 ? "-" : "+")\(Self.two(offset / 3600)):\(Self.two(offset / 60 % 60))"
    }

    private static func two(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
