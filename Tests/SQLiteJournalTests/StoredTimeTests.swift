import Foundation
import GRDB
import StoredDates
import Testing

@Suite("Stored time")
struct StoredTimeTests {
    /// Moments from 1900 to 2200, with sub-millisecond fractions, plus the edges.
    static let moments: [Date] = {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in
            Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...7_258_118_400, using: &generator))
        }
        let edges = [
            0, -0.0005, -1, 951_782_400, 951_868_799.999, 4_107_542_400, 1_795_803_600.1239, 1_795_803_599.9999,
        ].map(Date.init(timeIntervalSince1970:))
        return random + edges
    }()

    @Test("writes exactly the text GRDB writes for a Date, so old and new rows compare alike")
    func sameTextAsGRDB() {
        for moment in Self.moments {
            #expect(moment.stored.text == String.fromDatabaseValue(moment.databaseValue), "\(moment.timeIntervalSince1970)")
        }
    }

    @Test("reads its own text back to the same millisecond")
    func roundTrip() throws {
        for moment in Self.moments {
            let text = moment.stored.text
            let read = try #require(StoredTime(text: text))
            #expect(read.text == text)
            #expect(abs(read.date.timeIntervalSince(moment)) < 0.001)
        }
    }

    @Test("other date texts SQLite accepts go to GRDB's reading; nonsense is no date")
    func otherTexts() {
        #expect(StoredTime.fromDatabaseValue("2026-11-27".databaseValue)?.text == "2026-11-27 00:00:00.000")
        #expect(StoredTime.fromDatabaseValue("2026-11-27 04:49".databaseValue)?.text == "2026-11-27 04:49:00.000")
        #expect(StoredTime.fromDatabaseValue(1_795_803_600.databaseValue)?.text == "2026-11-27 18:20:00.000")
        #expect(StoredTime(text: "2026-13-27 04:49:11.123") == nil)
        #expect(StoredTime(text: "2026-11-27T04:49:11.123") == nil)
        #expect(StoredTime.fromDatabaseValue("yesterday".databaseValue) == nil)
    }

    @Test("a stored time compares in SQL as the moment does")
    func comparesInSQL() throws {
        let queue = try DatabaseQueue()
        let earlier = Date(timeIntervalSince1970: 1_795_803_600.5)
        let later = earlier.addingTimeInterval(0.001)
        let before = try queue.read { db in
            try Bool.fetchOne(db, sql: "SELECT ? < ?", arguments: [earlier.stored, later.stored])
        }
        #expect(before == true)
    }
}
