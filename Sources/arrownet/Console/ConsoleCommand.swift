import ArgumentParser

/// `arrownet console` (and `arrownet` alone, see `ArrownetMain`): the full-screen counter console.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the counter console (the default when no command is given)."
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "No colours (also when NO_COLOR is set); states are always written as words.")
    var noColor = false

    func run() async throws {
        try await CounterConsole(baseURLFlag: connection.baseURL, noColor: noColor).run()
    }
}
