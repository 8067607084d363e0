import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient

/// `arrownet lookup USERNAME` and `arrownet lookup --file FILE`: what a customer owes.
struct LookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show an Arrownet customer's account and plans (support agents).",
        discussion: """
            Output: a table (one username), --json (one object; with --file one JSON record per line) \
            or --csv (a header and one row per username, for one username or a file); --format text, \
            json, jsonl or csv says the same. Dates are Nepal days. \
            Exit codes: 0 found; 3 no such username; 4 token or account problem; \
            5 service unavailable; 11 data folder unusable (embedded sandbox); 64 usage error. \
            With --file (blank lines skipped): 0 when every line was found, 3 when some were not \
            or were not usernames, 5 when some failed for want of the service, 4 when the token \
            was refused (the run stops).
            """
    )

    @Argument(help: "The customer's Arrownet username.")
    var username: String?

    @Option(name: .long, help: "Look up every username in FILE, one per line ('-' for standard input); blank lines are skipped.")
    var file: String?

    @Option(name: .long, help: "With --file: how many lookups run at once (1-64).")
    var concurrency: Int = 8

    @Option(name: .long, help: "text (one username), json or jsonl (the same), or csv.")
    var format: BatchFormat?

    @Flag(name: .long, help: "JSON: one object for a username; one record per line with --file.")
    var json = false

    @Flag(name: .long, help: "CSV with a header line, for a username or a file.")
    var csv = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if (username == nil) == (file == nil) {
            throw ValidationError("Give either a USERNAME or --file FILE.")
        }
        if !(1...64).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 64.")
        }
        _ = try chosenFormat()
    }

    /// The one format the flags ask for: `--json`, `--csv` and `--format` must agree.
    func chosenFormat() throws -> BatchFormat {
        var asked: Set<BatchFormat> = []
        if json { asked.insert(.json) }
        if csv { asked.insert(.csv) }
        if let format { asked.insert(format == .jsonl ? .json : format) }
        guard asked.count <= 1 else { throw ValidationError("Choose one output format: --json, --csv or --format.") }
        let chosen = asked.first ?? (file == nil ? .text : .json)
        if chosen == .text && file != nil {
            throw ValidationError("--file writes JSON lines (--json) or CSV (--csv), not a text table.")
        }
        return chosen
    }

    func run() async throws {
        let format = try chosenFormat()
        if let file {
            let lines = BatchLookup.numbered(try BatchLookup.readLines(from: file))
            try await batch(lines, format: format)
            return
        }
        let name: Username
        do {
            name = try Username(username ?? "")
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
        if format == .csv {
            // One username as a file of one line: the same columns, results and exit codes.
            try await batch([BatchLookup.Line(number: 1, text: name.value)], format: .csv)
            return
        }
        let session = try await KhaltiSession.open(connection)
        let account: Account
        do {
            account = try await session.run { try await $0.api.accountDetails(for: name) }
        } catch let error as KhaltiError {
            // The banner first, on standard error: the sentence alone is the failure (and its JSON `error`).
            Terminal.standardError.write(session.banner + "\n")
            throw fail(error.explanation(username: name), code: ExitCodes.code(for: error.kind))
        }
        let time = NepalTime(session.settings)
        if format == .json {
            Terminal.standardError.write(session.banner + "\n")
            Terminal.standardOutput.write(AccountReport.json(account, now: Date(), time: time) + "\n")
        } else {
            Terminal.standardOutput.write(session.banner + "\n\n" + AccountReport.table(account, now: Date(), time: time))
        }
    }

    private func batch(_ lines: [BatchLookup.Line], format: BatchFormat) async throws {
        let session = try await KhaltiSession.open(connection)
        Terminal.standardError.write(session.banner + "\n")
        let code = try await session.run { session in
            await BatchLookup(api: session.api, concurrency: concurrency, format: format, time: NepalTime(session.settings)).run(lines: lines)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case jsonl
    case csv
}
