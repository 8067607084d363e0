import ArrownetDomain
import Testing

/// Dates checked by hand against what Nepal printed and published, independent of any
/// converter library: news datelines, government holiday notices and the calendar grids
/// that reports of wrong converter data quoted. Each entry names its source.
@Suite("Bikram Sambat calendar against published dates")
struct BikramSambatPublishedDatesTests {
    struct Dated: Sendable, CustomTestStringConvertible {
        let bs: BSDate
        let ad: CivilDay
        let source: String
        var testDescription: String { "\(bs.isoText) = \(ad.isoText) (\(source))" }
    }

    static let dated: [Dated] = [
        // A blog post of Friday 7 October 2011 titled "Today is 20 Ashwin, 2068 BS"
        // (twittardy.blogspot.com/2011/10/today-is-20-ashwin-2068-bs.html).
        Dated(bs: BSDate(year: 2068, month: 6, day: 20), ad: CivilDay(year: 2011, month: 10, day: 7), source: "blog"),
        // The Rastriya Samachar Samiti (RSS) news item "April 14: The Nepali New Year 2080 Bikram
        // Sambat (BS) is being celebrated ... today"; themountaincompany.co.uk: "1st of Baisakh
        // and this is April 14th 2023".
        Dated(bs: BSDate(year: 2080, month: 1, day: 1), ad: CivilDay(year: 2023, month: 4, day: 14), source: "RSS"),
        // myrepublica.nagariknetwork.com: "KATHMANDU, April 13: It is New Year- 2081 Bikram
        // Sambat- today"; orissadiary.com, dated 2024-04-13, the same.
        Dated(bs: BSDate(year: 2081, month: 1, day: 1), ad: CivilDay(year: 2024, month: 4, day: 13), source: "Republica"),
        // myrepublica.nagariknetwork.com: "KATHMANDU, April 14: ... the first day of the New
        // Year 2082 BS"; devdiscourse.com, 2025-04-14: "Nepal welcomed New Year 2082".
        Dated(bs: BSDate(year: 2082, month: 1, day: 1), ad: CivilDay(year: 2025, month: 4, day: 14), source: "Republica"),
        // Issue 15 of this project; and the next entry, 51 days later (Baishakh 2083 has 31
        // days in every source).
        Dated(bs: BSDate(year: 2083, month: 1, day: 1), ad: CivilDay(year: 2026, month: 4, day: 14), source: "issue 15"),
        // medic/bikram-sambat pull request 32, written against nepalipatro.com.np and
        // hamropatro.com: "Today is 2083-02-21 BS (2026-06-04 AD)".
        Dated(bs: BSDate(year: 2083, month: 2, day: 21), ad: CivilDay(year: 2026, month: 6, day: 4), source: "medic#32"),
    ]

    @Test("published BS and AD pairs", arguments: dated)
    func datedPairs(_ entry: Dated) {
        #expect(BikramSambatCalendar.shipped.civilDay(for: entry.bs) == entry.ad)
        #expect(BikramSambatCalendar.shipped.bsDate(for: entry.ad) == entry.bs)
    }

    struct Weekday: Sendable, CustomTestStringConvertible {
        let bs: BSDate
        let weekday: String
        let source: String
        var testDescription: String { "\(bs.isoText) is a \(weekday) (\(source))" }
    }

    /// BS dates printed with their weekday: the weekday of the AD day the table gives must match.
    static let weekdays: [Weekday] = [
        // The Nepal Panchanga Nirnayak Samiti's Tihar days of 2073, as wenepali.com reported them
        // in October 2016 (wenepali.com/2016/10/25827.html): "कात्तिक १२ गते शुक्रबार" (Kartik 12, Friday).
        Weekday(bs: BSDate(year: 2073, month: 7, day: 12), weekday: "Friday", source: "Panchanga committee"),
        // aayokhabar.com's dateline "७ कार्तिक २०७६, बिहीबार" (7 Kartik 2076, Thursday).
        Weekday(bs: BSDate(year: 2076, month: 7, day: 7), weekday: "Thursday", source: "aayokhabar"),
        // The government's holidays for 2081 (nepalkairan.com/news/2858): Dashain
        // "असोज २४ गते बिहीबारदेखि असोज २८ गते सोमबारसम्म" (Ashwin 24, Thursday, to Ashwin 28, Monday).
        Weekday(bs: BSDate(year: 2081, month: 6, day: 24), weekday: "Thursday", source: "holidays 2081"),
        Weekday(bs: BSDate(year: 2081, month: 6, day: 28), weekday: "Monday", source: "holidays 2081"),
        // newspolar.com's dateline "७ पुष २०८२, सोमबार" (7 Poush 2082, Monday).
        Weekday(bs: BSDate(year: 2082, month: 9, day: 7), weekday: "Monday", source: "newspolar"),
    ]

    @Test("published weekdays", arguments: weekdays)
    func publishedWeekdays(_ entry: Weekday) throws {
        let day = try #require(BikramSambatCalendar.shipped.civilDay(for: entry.bs))
        #expect(Self.weekday(of: day) == entry.weekday)
    }

    struct MonthSpan: Sendable, CustomTestStringConvertible {
        let year: Int
        let month: Int
        let first: String
        let last: String
        var testDescription: String { "\(BSDate.monthNames[month - 1]) \(year): \(first) to \(last)" }
    }

    /// The weekdays the published 2082 and 2083 calendars begin and end these months on, as
    /// leapfrogtechnology/nepali-date-picker issue 70 (2025-09-03) read them off the calendar
    /// grids to report the converters' wrong rows. The last day's weekday fixes the month's
    /// length (29 to 32 days are 0 to 3 weekdays on).
    static let monthSpans: [MonthSpan] = [
        MonthSpan(year: 2082, month: 1, first: "Monday", last: "Wednesday"),
        MonthSpan(year: 2082, month: 2, first: "Thursday", last: "Saturday"),
        MonthSpan(year: 2082, month: 3, first: "Sunday", last: "Wednesday"),
        MonthSpan(year: 2082, month: 4, first: "Thursday", last: "Saturday"),
        MonthSpan(year: 2082, month: 6, first: "Wednesday", last: "Friday"),
        MonthSpan(year: 2082, month: 7, first: "Saturday", last: "Sunday"),
        MonthSpan(year: 2082, month: 8, first: "Monday", last: "Monday"),
        MonthSpan(year: 2082, month: 9, first: "Tuesday", last: "Wednesday"),
        MonthSpan(year: 2082, month: 10, first: "Thursday", last: "Thursday"),
        MonthSpan(year: 2083, month: 6, first: "Thursday", last: "Saturday"),
        MonthSpan(year: 2083, month: 7, first: "Sunday", last: "Monday"),
        MonthSpan(year: 2083, month: 8, first: "Tuesday", last: "Tuesday"),
        MonthSpan(year: 2083, month: 9, first: "Wednesday", last: "Thursday"),
        MonthSpan(year: 2083, month: 10, first: "Friday", last: "Friday"),
    ]

    @Test("published months of 2082 and 2083 begin and end on their weekdays", arguments: monthSpans)
    func publishedMonths(_ span: MonthSpan) throws {
        let calendar = BikramSambatCalendar.shipped
        let length = try #require(calendar.length(ofMonth: span.month, in: span.year))
        let first = try #require(calendar.civilDay(for: BSDate(year: span.year, month: span.month, day: 1)))
        let last = try #require(calendar.civilDay(for: BSDate(year: span.year, month: span.month, day: length)))
        #expect(Self.weekday(of: first) == span.first)
        #expect(Self.weekday(of: last) == span.last)
    }

    /// 1 January 1970 was a Thursday.
    static func weekday(of day: CivilDay) -> String {
        let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        return names[Int(day.daysSince1970.floorDivided(by: 7).remainder)]
    }
}
