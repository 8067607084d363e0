import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// `arrownet history`: the journal's payments, filtered, or their totals; no call to Khalti.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the payments in this counter's journal (oldest first), or their totals.",
        discussion: """
            States: \(StateNames.all) (abandoned is accepted for not_sent). \
            Dates are days in Nepal (NPT): --since 2026-12-01 --until 2026-12-01 is that whole day. \
            Exit codes: 0 listed (even none); 11 journal unreadable; 64 usage error.
            """
    )

    @Option(name: .long, help: "Only payments taken on or after DATE: YYYY-MM-DD (Nepal), today, yesterday, bs:YYYY-MM-DD, or ISO 8601 with a time.")
    var since: String?

    @Option(name: .long, help: "Only payments taken up to DATE: a day is included whole; an ISO 8601 time is the end.")
    var until: String?

    @Option(name: .long, help: "Only this customer's payments (the username, any case).")
    var username: String?

    @Option(name: .long, help: "Only customers whose name contains TEXT (any case; Devanagari too).")
    var name: String?

    @Option(name: .long, help: "Only payments taken at this counter (any case).")
    var counter: String?

    @Option(name: .long, help: "Only payments in this state; repeat it, or separate states with commas.")
    var state: [String] = []

    @Flag(name: .long, help: "Only payments waiting for a person (NEEDS A PERSON): settle each with arrownet resolve.")
    var attention = false

    @Flag(name: .long, help: "Count and add up the payments per state and in all, instead of listing them.")
    var totals = false

    @Flag(name: .long, help: "Print JSON; the banner goes to standard error.")
    var json = false

    @Flag(name: .long, help: "Print CSV with a header line (times in Nepal time); the banner goes to standard error.")
    var csv = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if json && csv { throw ValidationError("Choose --json or --csv, not both.") }
    }

    func run() async throws {
        let settings = try CommandSettings.load(connection)
        let time = NepalTime(settings)
        let filter = try Self.filter(
            since: since, until: until, username: username, name: name, counter: counter, states: state, attention: attention,
            now: Date(), time: time)
        (json || csv ? Terminal.standardError : Terminal.standardOutput).write(settings.connection.environment.banner + "\n")
        let records = try await withJournal { store in try await journalCall { try await store.history(filter) } }
        if totals {
            let totals = HistoryTotals(records)
            if json {
                Terminal.standardOutput.write(PaymentReport.json(totals.jsonObject) + "\n")
            } else if csv {
                Terminal.standardOutput.write(totals.csv)
            } else {
                Terminal.standardOutput.write("\n" + totals.table)
            }
        } else if json {
            Terminal.standardOutput.write(PaymentReport.jsonArray(records, time: time) + "\n")
        } else if csv {
            Terminal.standardOutput.write(PaymentReport.csv(records, time: time))
        } else {
            Terminal.standardOutput.write("\n" + PaymentReport.historyTable(records, time: time))
        }
    }

    static func filter(
        since: String?, until: String?, username: String?, name: String?, counter: String?, states: [String], attention: Bool,
        now: Date, time: NepalTime
    ) throws(CommandFailure) -> HistoryFilter {
        var filter = HistoryFilter()
        if let since {
            filter.since = DateArgument.start(try DateArgument.parse(since, option: "--since", now: now, time: time), time: time)
        }
        if let until {
            filter.until = DateArgument.end(try DateArgument.parse(until, option: "--until", now: now, time: time), time: time)
        }
        if let start = filter.since, let end = filter.until, end <= start {
            throw fail("--until \(until ?? "") ends before --since \(since ?? "") begins: no payment can match.", code: ExitCodes.usage)
        }
        if let username {
            do { filter.username = try Username(username) } catch { throw fail(error.description, code: ExitCodes.usage) }
        }
        if let name {
            let part = name.trimmingCharacters(in: .whitespaces)
            guard !part.isEmpty else { throw fail("--name needs some of the customer's name.", code: ExitCodes.usage) }
            filter.nameContains = part
        }
        if let counter {
            let trimmed = counter.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw fail("--counter needs a counter's name.", code: ExitCodes.usage) }
            filter.counter = trimmed
        }
        let typed = states.flatMap { $0.split(separator: ",").map(String.init) }
        if !typed.isEmpty {
            var parsed: Set<PaymentState> = []
            for text in typed {
                guard let state = StateNames.parse(text) else {
                    throw fail("--state \(text.prefix(30)): expected one of \(StateNames.all).", code: ExitCodes.usage)
                }
                parsed.insert(state)
            }
            filter.states = parsed
        }
        filter.needsAttention = attention
        return filter
    }
}

/// `history --totals`: how many payments and how much money in each state, and in all.
struct HistoryTotals {
    struct Line {
        let state: PaymentState
        var count: Int
        var amount: Money
    }

    let lines: [Line]
    let count: Int
    let amount: Money

    init(_ records: [PaymentRecord]) {
        var byState: [PaymentState: Line] = [:]
        for record in records {
            var line = byState[record.state] ?? Line(state: record.state, count: 0, amount: .zero)
            line.count += 1
            line.amount = line.amount + record.amount
            byState[record.state] = line
        }
        // In the lifecycle's order, as `StateNames.all` lists them.
        lines = PaymentState.allCases.compactMap { byState[$0] }
        count = records.count
        amount = records.reduce(Money.zero) { $0 + $1.amount }
    }

    var table: String {
        var cells = [["State", "Payments", "Amount"]]
        for line in lines { cells.append([line.state.label, String(line.count), line.amount.formatted]) }
        cells.append(["All", String(count), amount.formatted])
        return AccountReport.aligned(cells, rightAligned: [1, 2]).joined(separator: "\n") + "\n"
    }

    var jsonObject: [String: Any] {
        [
            "states": lines.map { ["state": StateNames.name($0.state), "count": $0.count, "amount": $0.amount.wireString] as [String: Any] },
            "all": ["count": count, "amount": amount.wireString] as [String: Any],
        ]
    }

    var csv: String {
        var text = CSV.line(["state", "count", "amount"])
        for line in lines { text += CSV.line([StateNames.name(line.state), String(line.count), line.amount.wireString]) }
        return text + CSV.line(["all", String(count), amount.wireString])
    }
}
