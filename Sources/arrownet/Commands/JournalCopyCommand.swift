import ArgumentParser
import Foundation
import PaymentJournal
import PostgresJournal
import SQLiteJournal

/// `arrownet journal copy --to postgres://...`: moves a counter's history from its SQLite
/// journal into the shared PostgreSQL journal, whole or not at all, as often as needed.
struct JournalCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy this counter's SQLite journal (payments, events, shifts) into the shared PostgreSQL journal.",
        discussion: """
            Reads journal.sqlite in the data folder (ARROWNET_DATA_DIR) and writes everything in it into the \
            PostgreSQL journal at URL in one transaction: payments with their events and receipt printings, \
            shifts with their cash movements and drawer openings. Running it again changes nothing: what is \
            there already with the same contents is counted, not copied twice. A reference (or a shift number \
            of the counter) that is there with other contents refuses the whole copy. Stop arrownet on the \
            counter first, then set journal_url (or ARROWNET_JOURNAL_URL) so it writes to the shared journal. \
            The password comes from PGPASSWORD or ~/.pgpass, never the URL. \
            Exit codes: 0 copied (or all there already); 8 the shared journal has a payment with other \
            contents (nothing copied); 11 either journal cannot be opened or written, or a shift number of the \
            counter is there with other figures (nothing copied); 64 usage error (a URL that cannot be used).
            """
    )

    @Option(name: .long, help: "The shared journal: postgres://USER@HOST:PORT/DATABASE[?sslmode=require|verify-full].")
    var to: String

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() async throws {
        let address: PostgresAddress
        do { address = try PostgresAddress(parsing: to) } catch { throw fail(error.description, code: ExitCodes.usage) }
        if let problem = DataDirectory.problem(with: DataDirectory.path()) { throw fail(problem, code: ExitCodes.journal) }
        let path = JournalAccess.sqlitePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw fail("There is no journal to copy at \(path) (set ARROWNET_DATA_DIR to the counter's data folder).", code: ExitCodes.journal)
        }
        let source: SQLiteJournal
        do { source = try SQLiteJournal(path: path) } catch { throw fail(error.description, code: ExitCodes.journal) }
        let report: JournalCopyReport
        do {
            let target = try await PostgresJournal.open(address)
            do {
                report = try await target.copy(from: source)
                await target.close()
            } catch {
                await target.close()
                throw error
            }
        } catch {
            await source.close()
            let journalError = error as? JournalError
            let code = if case .referenceAlreadyUsed = journalError { ExitCodes.refused } else { ExitCodes.journal }
            let sentence = if case .referenceAlreadyUsed(let reference) = journalError {
                "The shared journal has payment \(reference) already, with other contents. Nothing was copied: "
                    + "compare them (arrownet status \(reference) on both) and call support."
            } else {
                journalError?.description ?? String(describing: error)
            }
            throw fail(sentence, code: code)
        }
        await source.close()
        if json {
            let object: [String: Any] = [
                "outcome": "copied", "from": path, "to": address.description, "payments_copied": report.paymentsCopied,
                "payments_already_there": report.paymentsAlreadyThere, "events": report.events,
                "receipt_printings": report.receiptPrintings, "shifts_copied": report.shiftsCopied,
                "shifts_already_there": report.shiftsAlreadyThere, "cash_movements": report.cashMovements,
                "drawer_openings": report.drawerOpenings, "exit_code": 0,
            ]
            Terminal.standardOutput.write(PaymentReport.json(object) + "\n")
        } else {
            Terminal.standardOutput.write(
                "Copied \(report.paymentsCopied) payments (\(report.events) events, \(report.receiptPrintings) receipt printings) and "
                    + "\(report.shiftsCopied) shifts (\(report.cashMovements) cash movements, \(report.drawerOpenings) drawer openings) "
                    + "from \(path) to \(address); \(report.paymentsAlreadyThere) payments and \(report.shiftsAlreadyThere) shifts "
                    + "were there already.\n")
        }
    }
}
