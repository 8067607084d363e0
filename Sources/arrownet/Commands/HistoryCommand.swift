import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// `arrownet history`: the journal's payments, filtered; no call to Khalti.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the payments in this counter's journal (oldest first).",
        discussion: """
            States: prepared, sending, paid, held, not_paid, not_received, abandoned. \
            Exit codes: 0 listed (even none); 11 journal unreadable; 64 usage error.
            """
    )

    @Option(name: .long, help: "Only payments taken on or after DATE: YYYY-MM-DD (local midnight), 'today', or ISO 8601 with a time.")
    var since: String?

    @Option(name: .long, help: "Only this customer's payments.")
    var username: String?

    @Option(name: .long, help: "Only payments in this state.")
    var state: String?

    @Flag(name: .long, help: "Only payments waiting for a person (NEEDS A PERSON): settle each with arrownet resolve.")
    var attention = false

    @Flag(name: .long, help: "Print a JSON array; the banner goes to standard error.")
    var json = false

    @Flag(name: .long, help: "Print CSV with a header line; the banner goes to standard error.")
    var csv = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if json && csv { throw ValidationError("Choose --json or --csv, not both.") }
    }

    func run() async throws {
        var filter = try Self.filter(since: since, username: username, state: state)
        filter.needsAttention = attention
        let settings: ConsoleSettings
        do { settings = try SettingsLoader().load(baseURLFlag: connection.baseURL) } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
        let banner = settings.connection.environment.banner
        (json || csv ? Terminal.standardError : Terminal.standardOutput).write(banner + "\n")
        let records = try await withJournal { store in try await journalCall { try await store.history(filter) } }
        if json {
            Terminal.standardOutput.write(PaymentReport.json(records.map(PaymentReport.jsonObject)) + "\n")
        } else if csv {
            Terminal.standardOutput.write(PaymentReport.csv(records))
        } else {
            Terminal.standardOutput.write("\n" + PaymentReport.historyTable(records))
        }
    }

    static func filter(since: String?, username: String?, state: String?, now: Date = Date(), calendar: Calendar = .current) throws -> HistoryFilter {
        var filter = HistoryFilter()
        if let since {
            guard let date = parseDate(since, now: now, calendar: calendar) else {
                throw fail("--since \(since.prefix(40)): expected YYYY-MM-DD, 'today', or ISO 8601 like 2025-01-31T10:00:00+05:45.", code: ExitCodes.usage)
            }
            filter.since = date
        }
        if let username {
            do { filter.username = try Username(username) } catch { throw fail(error.description, code: ExitCodes.usage) }
        }
        if let state {
            let raw = state.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            guard let parsed = PaymentState(rawValue: raw) else {
                let known = PaymentState.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("--state \(state.prefix(30)): expected one of \(known).", code: ExitCodes.usage)
            }
            filter.states = [parsed]
        }
        return filter
    }

    static func parseDate(_ text: String, now: Date, calendar: Calendar) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "today" { return calendar.startOfDay(for: now) }
        let day = DateFormatter()
        day.calendar = calendar
        day.timeZone = calendar.timeZone
        day.locale = Locale(identifier: "en_US_POSIX")
        day.dateFormat = "yyyy-MM-dd"
        if trimmed.count == 10, let date = day.date(from: trimmed) { return calendar.startOfDay(for: date) }
        return try? Date.ISO8601FormatStyle(timeZoneSeparator: .colon).parse(trimmed)
    }
}
