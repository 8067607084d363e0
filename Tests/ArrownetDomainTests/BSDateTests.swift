import ArrownetDomain
import Testing

/// BS dates as the counter writes and reads them.
@Suite("Bikram Sambat dates: text, ISO text, the dual form")
struct BSDateTests {
    let calendar = BikramSambatCalendar.shipped

    @Test("the twelve months in Latin letters, in order")
    func monthNames() {
        #expect(
            BSDate.monthNames == [
                "Baishakh", "Jestha", "Ashadh", "Shrawan", "Bhadra", "Ashwin",
                "Kartik", "Mangsir", "Poush", "Magh", "Falgun", "Chaitra",
            ])
        #expect(BSDate(year: 2083, month: 1, day: 1).monthName == "Baishakh")
        #expect(BSDate(year: 2083, month: 12, day: 30).monthName == "Chaitra")
    }

    @Test("text and ISO text")
    func texts() {
        let date = BSDate(year: 2083, month: 8, day: 15)
        #expect(date.text == "2083 Mangsir 15")
        #expect(date.isoText == "2083-08-15")
        #expect(BSDate(year: 2083, month: 1, day: 1).text == "2083 Baishakh 1")
        #expect(BSDate(year: 2083, month: 1, day: 1).isoText == "2083-01-01")
        #expect(BSDate(year: 999, month: 12, day: 9).isoText == "0999-12-09")
    }

    @Test("ISO text reads back; anything else is refused")
    func readingISOText() {
        #expect(BSDate(isoText: "2083-08-15") == BSDate(year: 2083, month: 8, day: 15))
        #expect(BSDate(isoText: "2083-12-32") == BSDate(year: 2083, month: 12, day: 32))
        for bad in [
            "", "2083-8-15", "2083-08-5", "83-08-15", "2083-13-01", "2083-00-10", "2083-08-00", "2083-08-33",
            "2083/08/15", " 2083-08-15", "2083-08-15 ", "२०८३-०८-१५", "2083-08-1५", "+083-08-15",
        ] {
            #expect(BSDate(isoText: bad) == nil, "\(bad)")
        }
    }

    @Test("dates order by year, month, day")
    func ordering() {
        let dates = [
            BSDate(year: 2083, month: 8, day: 15), BSDate(year: 2082, month: 12, day: 30),
            BSDate(year: 2083, month: 1, day: 31), BSDate(year: 2083, month: 8, day: 2),
        ]
        #expect(
            dates.sorted() == [
                BSDate(year: 2082, month: 12, day: 30), BSDate(year: 2083, month: 1, day: 31),
                BSDate(year: 2083, month: 8, day: 2), BSDate(year: 2083, month: 8, day: 15),
            ])
    }

    @Test("the dual form inside the table, the AD date alone outside it")
    func dualText() {
        #expect(calendar.dualText(for: CivilDay(year: 2026, month: 12, day: 1)) == "2083 Mangsir 15 (2026-12-01)")
        #expect(calendar.dualText(for: CivilDay(year: 2027, month: 4, day: 13)) == "2083 Chaitra 30 (2027-04-13)")
        #expect(calendar.dualText(for: CivilDay(year: 1943, month: 4, day: 14)) == "2000 Baishakh 1 (1943-04-14)")
        #expect(calendar.dualText(for: CivilDay(year: 2027, month: 4, day: 14)) == "2027-04-14")
        #expect(calendar.dualText(for: CivilDay(year: 2028, month: 9, day: 10)) == "2028-09-10")
        #expect(calendar.dualText(for: CivilDay(year: 1943, month: 4, day: 13)) == "1943-04-13")
    }

    @Test("a day its month lacks, or a month that does not exist, has no AD day")
    func daysThatDoNotExist() {
        #expect(calendar.civilDay(for: BSDate(year: 2083, month: 8, day: 29)) == CivilDay(year: 2026, month: 12, day: 15))
        #expect(calendar.civilDay(for: BSDate(year: 2083, month: 8, day: 30)) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 2083, month: 8, day: 0)) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 2083, month: 13, day: 1)) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 2083, month: 0, day: 1)) == nil)
    }

    @Test("a typed BS date becomes its AD day, or a sentence saying why not")
    func typedDates() throws {
        #expect(try calendar.civilDay(fromISOText: "2083-08-15") == CivilDay(year: 2026, month: 12, day: 1))

        #expect(throws: BSDateInputError.notADate("2083-8-15")) { try calendar.civilDay(fromISOText: "2083-8-15") }
        #expect(
            BSDateInputError.notADate("2083-8-15").description
                == "\"2083-8-15\" is not a Bikram Sambat date; write it as YYYY-MM-DD, like 2083-08-15.")

        let noSuchDay = BSDateInputError.noSuchDay(BSDate(year: 2083, month: 8, day: 30), monthLength: 29)
        #expect(throws: noSuchDay) { try calendar.civilDay(fromISOText: "2083-08-30") }
        #expect(noSuchDay.description == "Mangsir 2083 has 29 days, so 2083-08-30 is not a day.")

        let outside = BSDateInputError.outsideTable(BSDate(year: 2084, month: 1, day: 1), firstYear: 2000, lastYear: 2083)
        #expect(throws: outside) { try calendar.civilDay(fromISOText: "2084-01-01") }
        #expect(
            outside.description
                == "2084-01-01 is outside the Bikram Sambat calendar this console has (2000 to 2083); "
                + "give the date in AD, or load a newer calendar (bs_calendar in the config).")
    }

    @Test("AD days as ISO text, and back")
    func civilDayText() {
        #expect(CivilDay(year: 2026, month: 12, day: 1).isoText == "2026-12-01")
        #expect(CivilDay(year: 943, month: 4, day: 4).isoText == "0943-04-04")
        #expect(CivilDay(isoText: "2026-12-01") == CivilDay(year: 2026, month: 12, day: 1))
        #expect(CivilDay(isoText: "2024-02-29") == CivilDay(year: 2024, month: 2, day: 29))
        for bad in ["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-01", "2026-1-01", "26-12-01", ""] {
            #expect(CivilDay(isoText: bad) == nil, "\(bad)")
        }
    }
}
