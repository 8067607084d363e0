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
    var output = Terminal.standardOutput
    var progressTerminal = Terminal.standardError

    enum Outcome: Sendable {
        case found(Account)
        case failed(reason: String, kind: ErrorKind?)
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
    func run(lines: [String]) async -> Int32 {
        var writer = RecordWriter(format: format, output: output)
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
                let line = lines[index]
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
                    writer.write(line: nextToWrite + 1, input: lines[nextToWrite], outcome: ready)
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
            username = try Username(line)
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

    static let csvColumns = [
        "line", "username", "result", "full_name", "current_plan", "days_remaining", "has_due",
        "accept_advance_payment", "plan_1", "plan_3", "plan_6", "plan_12", "error",
    ]

    func begin() {
        if format == .csv { output.write(Self.csvColumns.joined(separator: ",") + "\n") }
    }

    struct JSONRecord: Encodable {
        let line: Int
        let input: String
        let found: Bool
        let account: AccountReport.Record?
        let error: String?
    }

    mutating func write(line: Int, input: String, outcome: BatchLookup.Outcome) {
        switch format {
        case .jsonl:
            let record: JSONRecord
            switch outcome {
            case .found(let account):
                record = JSONRecord(line: line, input: input, found: true, account: AccountReport.Record(account), error: nil)
            case .failed(let reason, _):
                record = JSONRecord(line: line, input: input, found: false, account: nil, error: reason)
            }
            output.write(AccountReport.encode(record) + "\n")
        case .csv:
            var cells = [String(line), input]
            switch outcome {
            case .found(let account):
                cells += ["found", account.fullName, account.currentPlan, String(account.daysRemaining),
                          String(account.hasDue), String(account.acceptsAdvancePayment)]
                cells += PlanDuration.allCases.map { account.plan(for: $0)?.amount.wireString ?? "" }
                cells.append("")
            case .failed(let reason, _):
                cells += ["failed", "", "", "", "", ""] + PlanDuration.allCases.map { _ in "" } + [reason]
            }
            output.write(cells.map(Self.csvField).joined(separator: ",") + "\n")
        }
    }

    /// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet
    /// does not run a customer name as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
        terminal.write("\r[\(bar)] \(done)/\(total)")
    }

    func finish() {
        terminal.write("\r\u{1B}[K")
    }
}
