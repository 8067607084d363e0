import ArgumentParser

/// `arrownet journal ...`: the journal's own chores.
struct JournalCommandGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Look after the payment journal: backups, and moving a counter to the shared journal.",
        subcommands: [JournalBackupCommand.self, JournalCopyCommand.self]
    )
}
