import ArgumentParser

/// `arrownet journal ...`: the journal's own chores.
///
/// Merge note: the `journal copy` branch brings `JournalCommand` (Commands/JournalCommand.swift)
/// for the same group; when both are in, list `JournalBackupCommand.self` among its
/// subcommands, register it in `Arrownet` instead of this group, and delete this file.
struct JournalCommandGroup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Look after the payment journal: backups.",
        subcommands: [JournalBackupCommand.self]
    )
}
