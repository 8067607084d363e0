import ArgumentParser
import Foundation
import KhaltiClient
import PaymentJournal
import SQLiteJournal

/// `arrownet journal backup PATH`: a copy of the payment journal that is whole and
/// consistent, taken while counters may be paying, and checked by reading it back.
struct JournalBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the payment journal to a new file, consistently, and check the copy.",
        discussion: """
            Use this, not cp: the journal keeps its newest payments in journal.sqlite-wal until SQLite \
            folds them in, so a copy of journal.sqlite alone can miss them, and a copy taken during a \
            payment can be torn. The backup is one self-contained file (mode 600, no -wal beside it), \
            taken as a snapshot while payments go on, then opened again and checked (integrity, schema, \
            the same number of payments and events). A file at PATH is never written over. \
            Restore: stop every arrownet on the counter, then put the backup in place as journal.sqlite \
            (removing journal.sqlite-wal and journal.sqlite-shm). \
            Exit codes: 0 written and checked; 11 the journal or the backup failed (a failed backup is \
            removed, or said to be untrustworthy); 64 usage error (PATH exists, or its folder cannot be written).
            """
    )

    @Argument(help: "The new file to write, e.g. /media/usb/arrownet-2026-12-02.sqlite.")
    var path: String

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        // The same configuration every command checks (a broken config file is said at once).
        _ = try CommandSettings.load(connection)
        let destination = URL(fileURLWithPath: path).standardizedFileURL.path
        let backup: JournalBackup = try await withJournal { store in
            guard let journal = store as? SQLiteJournal else {
                throw fail(
                    "The journal is \(store.location), not a SQLite file: back it up with that database's own tools "
                        + "(for PostgreSQL, pg_dump).", code: ExitCodes.usage)
            }
            if destination == URL(fileURLWithPath: journal.path).standardizedFileURL.path {
                throw fail("\(destination) is the journal itself; give the backup a new name.", code: ExitCodes.usage)
            }
            do throws(JournalBackupError) {
                return try await journal.backup(to: destination)
            } catch {
                let code: Int32 = switch error {
                case .destinationExists, .cannotCreate: ExitCodes.usage
                case .copyFailed, .checkFailed: ExitCodes.journal
                }
                throw fail(error.description, code: code)
            }
        }
        if json {
            let object: [String: Any] = [
                "outcome": "written", "path": backup.path, "payments": backup.payments, "events": backup.events,
                "receipt_printings": backup.receiptPrintings, "bytes": Int(backup.bytes), "schema_version": backup.schemaVersion,
                "exit_code": 0,
            ]
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
        } else {
            Terminal.standardOutput.write(
                "Backup written and checked: \(backup.path) (\(backup.payments) payments, \(backup.events) events, "
                    + "\(backup.bytes) bytes). It is one file: copy it anywhere.\n")
        }
    }
}
