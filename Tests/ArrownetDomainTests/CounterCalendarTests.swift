import ArrownetDomain
import Foundation
import Testing

/// The counter's calendar against Foundation's own, which it stands in for.
@Suite("Counter calendar")
struct CounterCalendarTests {
    static let offsets = [20_700, 0, -12_600, 50_400]

    /// Foundation's Gregorian calendar at the same fixed offset.
    func foundation(_ secondsFromGMT: Int) throws -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(secondsFromGMT: secondsFromGMT))
        return calendar
    }

    /// Moments from 1950 to 2150, with fractions of a second, and the edges of days.
    static let moments: [Date] = {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<1_500).map { _ in
            Date(timeIntervalSince1970: Double.random(in: -631_152_000...5_680_281_600, using: &generator))
        }
        let edges = [0, -1, -0.5, 1_795_803_600, 1_795_782_900, 1_795_782_899.999, 951_782_400, 4_107_542_400]
        return random + edges.map(Date.init(timeIntervalSince1970:))
    }()

    @Test("days, clock and start of day agree with Foundation", arguments: offsets)
    func days(secondsFromGMT: Int) throws {
        let ours = CounterCalendar(secondsFromGMT: secondsFromGMT)
        let theirs = try foundation(secondsFromGMT)
        for moment in Self.moments {
            let parts = theirs.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
            #expect(ours.day(of: moment) == CivilDay(year: Int64(parts.year!), month: parts.month!, day: parts.day!))
            #expect(ours.clock(of: moment) == (parts.hour!, parts.minute!))
            #expect(ours.startOfDay(for: moment) == theirs.startOfDay(for: moment))
        }
    }

    @Test("whole months and days move as Foundation moves them, month ends clamped", arguments: offsets)
    func adding(secondsFromGMT: Int) throws {
        let ours = CounterCalendar(secondsFromGMT: secondsFromGMT)
        let theirs = try foundation(secondsFromGMT)
        for (index, moment) in Self.moments.enumerated() {
            let start = theirs.startOfDay(for: moment)
            for months in [1, 3, 6, 12, -1, 25] {
                #expect(ours.adding(months: months, to: start) == theirs.date(byAdding: .month, value: months, to: start))
            }
            let days = index % 900 - 100
            #expect(ours.start(of: ours.day(of: start).adding(days: days)) == theirs.date(byAdding: .day, value: days, to: start))
        }
    }

    @Test("31 January plus a month is the last day of February, leap years included")
    func monthEnds() {
        let nepal = CounterCalendar.nepal
        let january31 = nepal.date(CivilDay(year: 2028, month: 1, day: 31))
        #expect(nepal.day(of: nepal.adding(months: 1, to: january31)) == CivilDay(year: 2028, month: 2, day: 29))
        let january31NextYear = nepal.date(CivilDay(year: 2027, month: 1, day: 31))
        #expect(nepal.day(of: nepal.adding(months: 1, to: january31NextYear)) == CivilDay(year: 2027, month: 2, day: 28))
    }

    @Test("Nepal's fixed offset is what the named zone Asia/Kathmandu says, 2000 to 2040")
    func nepalMatchesNamedZone() throws {
        let named = try #require(TimeZone(identifier: "Asia/Kathmandu"))
        for day in stride(from: 0, to: 40 * 365, by: 7) {
            let moment = Date(timeIntervalSince1970: 946_684_800 + Double(day) * 86_400)
            #expect(named.secondsFromGMT(for: moment) == CounterCalendar.nepal.secondsFromGMT)
        }
    }

    @Test("civil days and day numbers round-trip across four centuries")
    func civilDays() {
        for number in stride(from: Int64(-146_097), through: 146_097, by: 1) {
            let day = CivilDay(daysSince1970: number)
            #expect(day.daysSince1970 == number)
            #expect((1...CivilDay.length(ofMonth: day.month, in: day.year)).contains(day.day))
        }
    }
}
