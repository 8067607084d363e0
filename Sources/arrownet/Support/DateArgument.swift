import ArrownetDomain
import Foundation

/// A date typed in a filter (`history --since/--until`, `reconcile --paid-since`): a day
/// in Nepal (`2026-12-01`, `today`, `yesterday`), a Bikram Sambat day (`bs:2083-08-15`),
/// or an instant in ISO 8601 with its offset (`2026-12-01T10:00:00+05:45`).
enum DateArgument {
    /// What was typed: a whole day, or an instant.
    enum Parsed: Equatable {
        case day(CivilDay)
        case instant(Date)
    }

    static let forms = "YYYY-MM-DD (a day in Nepal), today, yesterday, bs:YYYY-MM-DD (Bikram Sambat), or ISO 8601 with its offset like 2026-12-01T10:00:00+05:45"

    static func parse(_ typed: String, option: String, now: Date, time: NepalTime) throws(CommandFailure) -> Parsed {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let shown = "\(option) \(typed.prefix(40))"
        switch text.lowercased() {
        case "today": return .day(time.calendar.day(of: now))
        case "yesterday": return .day(time.calendar.day(of: now).adding(days: -1))
        default: break
        }
        if text.lowercased().hasPrefix("bs:") {
            do {
                return .day(try time.table.civilDay(fromISOText: String(text.dropFirst(3))))
            } catch {
                throw fail("\(shown): \(error.description)", code: ExitCodes.usage)
            }
        }
        if let day = CivilDay(isoText: text) { return .day(day) }
        if text.count > 10, let instant = try? Date.ISO8601FormatStyle(timeZoneSeparator: .colon).parse(text) {
            return .instant(instant)
        }
        throw fail("\(shown): expected \(forms).", code: ExitCodes.usage)
    }

    /// The first moment a `--since` includes: the start of the day in Nepal, or the instant.
    static func start(_ parsed: Parsed, time: NepalTime) -> Date {
        switch parsed {
        case .day(let day): time.calendar.start(of: day)
        case .instant(let instant): instant
        }
    }

    /// The first moment an `--until` excludes: a day is included whole (up to the next
    /// day's start in Nepal); an instant is the end itself.
    static func end(_ parsed: Parsed, time: NepalTime) -> Date {
        switch parsed {
        case .day(let day): time.calendar.start(of: day.adding(days: 1))
        case .instant(let instant): instant
        }
    }
}
