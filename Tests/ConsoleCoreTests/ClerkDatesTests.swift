import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Clerk dates")
struct ClerkDatesTests {
    /// 2026-11-27 18:20:00 UTC, 00:05 the next day at the counter.
    let lateEvening = Date(timeIntervalSince1970: 1_795_803_600)

    @Test("the counter shows Nepal Standard Time, UTC+05:45, in every season")
    func nepalStandardTime() {
        #expect(ClerkDates.dayAndTime(lateEvening, in: .nepal) == "2026-11-28 00:05")
        // Six months on: no daylight saving moves the clock.
        let midsummer = lateEvening.addingTimeInterval(182 * 86_400)
        #expect(ClerkDates.dayAndTime(midsummer, in: .nepal) == "2027-05-29 00:05")
        #expect(ClerkDates.day(Date(timeIntervalSince1970: -1), in: CounterCalendar(secondsFromGMT: 0)) == "1969-12-31")
    }

    @Test("today's payments show the time alone; older ones the day too")
    func timeOrDay() {
        let sameDay = lateEvening.addingTimeInterval(3_600)
        #expect(ClerkDates.timeOrDayAndTime(lateEvening, relativeTo: sameDay, in: .nepal) == "00:05")
        let nextDay = lateEvening.addingTimeInterval(86_400)
        #expect(ClerkDates.timeOrDayAndTime(lateEvening, relativeTo: nextDay, in: .nepal) == "2026-11-28 00:05")
    }
}
