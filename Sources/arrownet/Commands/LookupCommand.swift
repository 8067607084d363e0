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
            Exit codes: 0 found; 3 no such username; 4 token or account problem; \
            5 service unavailable; 64 usage error. With --file: 0 when every line was found, \
            3 when some were not, 5 when some failed for want of the service, 4 when the token \
            was refused (the run stops).
            """
    )

    @Argument(help: "The customer's Arrownet username.")
    var username: String?

    @Option(name: .long, help: "Look up every username in FILE, one per line ('-' for standard input).")
    var file: String?

    @Option(name: .long, help: "With --file: how many lookups run at once (1-64).")
    var concurrency: Int = 8

    @Option(name: .long, help: "With --file: jsonl or csv.")
    var format: BatchFormat = .jsonl

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if (username == nil) == (file == nil) {
            throw ValidationError("Give either a USERNAME or --file FILE.")
        }
        if !(1...64).contains(concurrency) {
            throw ValidationError("--concurrency must be between 1 and 64.")
        }
        if file != nil && json {
            throw ValidationError("--json is for a single username; use --format with --file.")
        }
    }

    func run() async throws {
        if let file {
            let lines = try BatchLookup.readLines(from: file)
            let session = try await KhaltiSession.open(connection)
            Terminal.standardError.write(session.banner + "\n")
            let code = try await session.run { session in
                await BatchLookup(api: session.api, concurrency: concurrency, format: format).run(lines: lines)
            }
            if code != 0 { throw ExitCode(code) }
            return
        }
        let name: Username
        do {
            name = try Username(username ?? "")
        } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
        let session = try await KhaltiSession.open(connection)
        let account: Account
        do {
            account = try await session.run { try await $0.api.accountDetails(for: name) }
        } catch let error as KhaltiError {
            throw fail("\(session.banner)\n\(error.explanation(username: name))", code: ExitCodes.code(for: error.kind))
        }
        if json {
            Terminal.standardError.write(session.banner + "\n")
            Terminal.standardOutput.write(AccountReport.json(account) + "\n")
        } else {
            Terminal.standardOutput.write(session.banner + "\n\n" + AccountReport.table(account))
        }
    }
}

enum BatchFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case csv
}
