import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient

/// `lookup --file`: many usernames, a bounded number in flight, one record per input
/// line written in input order as soon as every earlier line is done.
struct BatchLookup {
    let api: KhaltiAPI
    let concurrency: Int
    let format: BatchFormat
    let time: NepalTime
    var now = Date()
    var output = Terminal.standardOutput
    var progressTerminal = Terminal.standardError

    enum Outcome: Sendable {
        case found(Account)
        /// `kind` nil: not a valid username, nothing was asked.
        case failed(reason: String, kind: ErrorKind?)

        /// What became of the line, one word for JSON and CSV: `found`; `not_found` (Khalti
        /// says there is no such customer) and `invalid` (not a username at all), which a
        /// rerun will not change; `unavailable` (timeout, 5xx, maintenance), which it may;
        /// `refused` (another refusal); `token_or_account` (the run stops).
        var result: String {
            switch self {
            case .found: "found"
            case .failed(_, nil): "invalid"
            case .failed(_, .notFound?), .failed(_, .unknownReference?): "not_found"
            case .failed(_, .unavailable?): "unavailable"
            case .failed(_, .requestRejected?), .failed(_, .insufficientCredits?): "refused"
            case .failed(_, .tokenOrAccount?): "token_or_account"
            }
        }
    }

    /// A line of the input, numbered as in the file.
    struct Line: Sendable {
        let number: Int
        let text: String
    }

    /// The lines worth a lookup: blank ones (empty, or spaces only) are skipped, and
    /// the others keep their line numbers, so a record still points at its line.
    static func numbered(_ lines: [String]) -> [Line] {
        lines.enumerated().compactMap { index, text in
            text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : Line(number: index + 1, text: text)
        }
    }

    static func readLines(from path: String) throws -> [String] {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw fail("Cannot read \(path).", code: ExitCodes.usage)
            }
            data = contents
        }
        // "\r\n" is one Character in Swift, so both line ends are named.
        var lines = String(decoding: data, as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        // A file ending in a newline has no line after it.
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Returns the exit code: the worst outcome of all lines (README "Exit codes").
    func run(lines: [Line]) async -> Int32 {
        var writer = RecordWriter(format: format, output: output, time: time, now: now)
        writer.begin()
        let progress = progressTerminal.isInteractive ? ProgressBar(total: lines.count, terminal: progressTerminal) : nil
        var pending: [Int: Outcome] = [:]
        var nextToWrite = 0
        var worst: Int32 = 0
        var abortReason: String?

        await withTaskGroup(of: (Int, Outcome).self) { group in
            var nextToStart = 0
            func startNext() {
                guard nextToStart < lines.count else { return }
                let index = nextToStart
                let line = lines[index].text
                nextToStart += 1
                group.addTask { (index, await lookUp(line)) }
            }
            for _ in 0..<min(concurrency, lines.count) { startNext() }
            while let (index, outcome) = await group.next() {
                if case .failed(let reason, .tokenOrAccount?) = outcome, abortReason == nil {
                    // Every later line would fail the same way; stop spending requests.
                    abortReason = reason
                    group.cancelAll()
                }
                pending[index] = outcome
                while let ready = pending.removeValue(forKey: nextToWrite), abortReason == nil {
                    writer.write(line: lines[nextToWrite].number, input: lines[nextToWrite].text, outcome: ready)
                    worst = Self.worse(worst, Self.exitCode(ready))
                    nextToWrite += 1
                    progress?.update(done: nextToWrite)
                }
                if abortReason == nil { startNext() }
            }
        }
        progress?.finish()
        if let abortReason {
            Terminal.standardError.write("Stopped after \(nextToWrite) of \(lines.count) lines: \(abortReason)\n")
            return ExitCodes.tokenOrAccount
        }
        return worst
    }

    func lookUp(_ line: String) async -> Outcome {
        let username: Username
        do {
            username = try Username(line.trimmingCharacters(in: .whitespaces))
        } catch {
            return .failed(reason: error.description, kind: nil)
        }
        do {
            return .found(try await api.accountDetails(for: username))
        } catch {
            return .failed(reason: error.explanation(username: username), kind: error.kind)
        }
    }

    static func exitCode(_ outcome: Outcome) -> Int32 {
        switch outcome {
        case .found: ExitCodes.found
        case .failed(_, let kind?): ExitCodes.code(for: kind)
        case .failed(_, nil): ExitCodes.notFound
        }
    }

    /// Unavailable outranks not found: a rerun may fix it.
    static func worse(_ a: Int32, _ b: Int32) -> Int32 {
        let rank: [Int32: Int] = [ExitCodes.found: 0, ExitCodes.notFound: 1, ExitCodes.refused: 2, ExitCodes.unavailable: 3]
        return (rank[a] ?? 4) >= (rank[b] ?? 4) ? a : b
    }
}

/// Writes batch records as JSON lines or CSV.
struct RecordWriter {
    let format: BatchFormat
    let output: Terminal
    let time: NepalTime
    let now: Date

    static let csvColumns = [
        "line", "username", "result", "full_name", "current_plan", "days_remaining", "service_ends", "service_ends_bs", "has_due",
        "accept_advance_payment", "plan_1", "plan_3", "plan_6", "plan_12", "error",
    ]

    func begin() {
        if format == .csv { output.write(CSV.line(Self.csvColumns)) }
    }

    struct JSONRecord: Encodable {
        let line: Int
        let input: String
        let found: Bool
        let result: String
        let account: AccountReport.Record?
        let error: String?

        enum CodingKeys: String, CodingKey {
            case line, input, found, result, account, error
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(input, forKey: .input)
            try container.encode(found, forKey: .found)
            try container.encode(result, forKey: .result)
            try container.encode(account, forKey: .account)  // null, not absent
            try container.encode(error, forKey: .error)
        }
    }

    mutating func write(line: Int, input: String, outcome: BatchLookup.Outcome) {
        switch format {
        case .jsonl, .json, .text:
            let record: JSONRecord
            switch outcome {
            case .found(let account):
                record = JSONRecord(
                    line: line, input: input, found: true, result: outcome.result,
                    account: AccountReport.Record(account, now: now, time: time), error: nil)
            case .failed(let reason, _):
                record = JSONRecord(line: line, input: input, found: false, result: outcome.result, account: nil, error: reason)
            }
            output.write(AccountReport.encode(record) + "\n")
        case .csv:
            var cells = [String(line), input, outcome.result]
            switch outcome {
            case .found(let account):
                let record = AccountReport.Record(account, now: now, time: time)
                cells += [account.fullName, account.currentPlan, String(account.daysRemaining), record.serviceEnds,
                          record.serviceEndsBS ?? "", String(account.hasDue), String(account.acceptsAdvancePayment)]
                cells += PlanDuration.allCases.map { account.plan(for: $0)?.amount.wireString ?? "" }
                cells.append("")
            case .failed(let reason, _):
                cells += Array(repeating: "", count: 7) + PlanDuration.allCases.map { _ in "" } + [reason]
            }
            output.write(CSV.line(cells))
        }
    }
}

/// A one-line bar on standard error, redrawn at most a few times a second.
final class ProgressBar {
    let total: Int
    let terminal: Terminal
    private var lastDrawn = ContinuousClock.now - .seconds(1)

    init(total: Int, terminal: Terminal) {
        self.total = total
        self.terminal = terminal
    }

    func update(done: Int) {
        let now = ContinuousClock.now
        guard now - lastDrawn > .milliseconds(100) || done == total else { return }
        lastDrawn = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        terminal.rewriteLine("[\(bar)] \(done)/\(total)")
    }

    func finish() {
        terminal.write(.clearLine)
    }
}
