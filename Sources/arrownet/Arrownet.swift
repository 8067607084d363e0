import ArgumentParser
import PaymentDesk

/// The command tree (`arrownet --help`). The process starts in `ArrownetMain`.
struct Arrownet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrownet",
        abstract: "Arrownet bill payments through Khalti, for counter clerks and support agents.",
        discussion: """
            With no Khalti token configured every command uses the embedded sandbox \
            (no real money). See README.md for configuration.
            """,
        version: BuildInfo.version,
        subcommands: [
            ConsoleCommand.self, LookupCommand.self, PayCommand.self, StatusCommand.self, HistoryCommand.self, ReconcileCommand.self,
            ResolveCommand.self, ReceiptCommand.self, ShiftCommand.self,
            BalanceCommand.self, CheckCommand.self, SandboxCommand.self, JournalCommandGroup.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}

/// What `arrownet --version` says: the version and whether this is a debug build, which
/// alone honours the crash tests' hooks (`DeskHooks.honoursTestHooks`).
enum BuildInfo {
    static let version = "arrownet 1.1.0 (\(DeskHooks.honoursTestHooks ? "debug" : "release") build)"
}
