import ArrownetDomain
import Foundation
import Testing

/// The shipped table against every day two independent converters agree on
/// (Fixtures/bs-ad-days.txt, made once by scripts/make-bs-fixture.py from nepali-datetime
/// and bsad-converter; the test reads the committed file and never the network).
@Suite("Bikram Sambat calendar against the converters' fixture")
struct BikramSambatFixtureTests {
    struct Pair {
        let line: Int
        let bs: BSDate
        let ad: CivilDay
    }

    static let fixtureURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/bs-ad-days.txt")

    func pairs() throws -> [Pair] {
        let text = try String(contentsOf: Self.fixtureURL, encoding: .utf8)
        var pairs: [Pair] = []
        for (index, line) in text.split(separator: "\n").enumerated() where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            let bs = try #require(fields.count == 2 ? BSDate(isoText: String(fields[0])) : nil, "line \(index + 1)")
            let ad = try #require(CivilDay(isoText: String(fields[1])), "line \(index + 1)")
            pairs.append(Pair(line: index + 1, bs: bs, ad: ad))
        }
        return pairs
    }

    @Test("every day of the fixture converts both ways to its pair")
    func everyDayBothWays() throws {
        let calendar = BikramSambatCalendar.shipped
        let pairs = try pairs()
        #expect(pairs.count > 30_000)
        var wrong: [String] = []
        for pair in pairs {
            let bs = calendar.bsDate(for: pair.ad)
            let ad = calendar.civilDay(for: pair.bs)
            if bs != pair.bs || ad != pair.ad {
                wrong.append(
                    "line \(pair.line): \(pair.bs.isoText) \(pair.ad.isoText), ours "
                        + "\(bs?.isoText ?? "none") \(ad?.isoText ?? "none")")
            }
        }
        if !wrong.isEmpty {
            Issue.record("\(wrong.count) days differ, first: \(wrong.prefix(5).joined(separator: "; "))")
        }
    }

    @Test("the fixture covers every day of the table, but for the 32 days of 2062 the converters dispute")
    func coversTheTable() throws {
        let calendar = BikramSambatCalendar.shipped
        let fixtureDays = Set(try pairs().map(\.ad.daysSince1970))
        #expect(fixtureDays.min() == calendar.firstDay.daysSince1970)
        #expect(fixtureDays.max() == calendar.lastDay.daysSince1970)
        var missing: [BSDate] = []
        for days in calendar.firstDay.daysSince1970...calendar.lastDay.daysSince1970 where !fixtureDays.contains(days) {
            missing.append(try #require(calendar.bsDate(for: CivilDay(daysSince1970: days))))
        }
        // nepali-datetime gives 2062 Baishakh 31 days and Jestha 31, bsad-converter 30 and
        // 32 (see Resources/bs-calendar.txt): Baishakh 31 to Jestha 31 in our table.
        #expect(missing.count == 32)
        #expect(missing.first == BSDate(year: 2062, month: 1, day: 31))
        #expect(missing.last == BSDate(year: 2062, month: 2, day: 31))
    }

    @Test("the day before the table and the day after it have no BS date")
    func outsideTheFixture() {
        let calendar = BikramSambatCalendar.shipped
        #expect(calendar.bsDate(for: CivilDay(year: 1943, month: 4, day: 13)) == nil)
        #expect(calendar.bsDate(for: CivilDay(year: 1943, month: 4, day: 14)) == BSDate(year: 2000, month: 1, day: 1))
        #expect(calendar.bsDate(for: CivilDay(year: 2027, month: 4, day: 13)) == BSDate(year: 2083, month: 12, day: 30))
        #expect(calendar.bsDate(for: CivilDay(year: 2027, month: 4, day: 14)) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 1999, month: 12, day: 30)) == nil)
        #expect(calendar.civilDay(for: BSDate(year: 2084, month: 1, day: 1)) == nil)
    }
}
