import ArgumentParser
import KhaltiClient

/// `arrownet balance`: the counter's Khalti credits.
struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show the Khalti credits available to this counter."
    )

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try await KhaltiSession.open(connection)
        let balance: KhaltiBalance
        do {
            balance = try await session.run { try await $0.api.balance() }
        } catch let error as KhaltiError {
            // The banner first, on standard error: the sentence alone is the failure (and its JSON `error`).
            Terminal.standardError.write(session.banner + "\n")
            throw fail(error.description, code: ExitCodes.code(for: error.kind))
        }
        if json {
            Terminal.standardError.write(session.banner + "\n")
            var record = ["credits_available": balance.available.wireString]
            record["credits_consumed"] = balance.consumed?.wireString
            Terminal.standardOutput.write(AccountReport.encode(record) + "\n")
        } else {
            var text = "\(session.banner)\nCredits available  \(balance.available.formatted)\n"
            if let consumed = balance.consumed { text += "Credits consumed   \(consumed.formatted)\n" }
            Terminal.standardOutput.write(text)
        }
    }
}
