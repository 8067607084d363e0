import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal
import PostgresJournal
import SQLiteJournal

/// The one way every command and the console open the payment journal, and the desk
/// that pays through a session.
enum JournalAccess {
    /// Why the journal could not be opened, each with its exit code for commands.
    enum OpenFailure: Error {
        /// The journal URL cannot be used (a password in it, plain text to a remote
        /// server): a setting to fix, exit 64.
        case badURL(String)
        /// The data folder is a file, not writable, or another user's: exit 11.
        case dataFolder(String)
        /// The journal itself cannot be opened (the database is down, refuses the login,
        /// is of a newer version; the file is not a journal): exit 11.
        case journal(JournalError)
    }

    /// Where the SQLite journal of this counter is: `journal.sqlite` in the data folder.
    static func sqlitePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        DataDirectory.path(environment: environment) + "/" + SQLiteJournal.fileName
    }

    /// The journal this counter writes to: the shared PostgreSQL journal when a URL is
    /// configured (`ARROWNET_JOURNAL_URL` or `journal_url`), else `journal.sqlite` in the
    /// data folder. Its errors are sentences; the caller decides how to show them.
    static func openStore(
        journalURL: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(OpenFailure) -> any JournalStore {
        if let journalURL {
            let address: PostgresAddress
            do { address = try PostgresAddress(parsing: journalURL) } catch { throw .badURL(error.description) }
            do { return try await PostgresJournal.open(address, environment: environment) } catch { throw .journal(error) }
        }
        if let problem = DataDirectory.problem(with: DataDirectory.path(environment: environment)) { throw .dataFolder(problem) }
        do { return try SQLiteJournal(path: sqlitePath(environment: environment)) } catch { throw .journal(error) }
    }

    /// For commands: the journal, or its sentence and exit code (`OpenFailure`).
    static func open() async throws -> any JournalStore {
        let journalURL: String?
        do { journalURL = try SettingsLoader().journalURL() } catch { throw fail(error.description, code: ExitCodes.usage) }
        do {
            return try await openStore(journalURL: journalURL)
        } catch {
            switch error {
            case .badURL(let sentence): throw fail(sentence, code: ExitCodes.usage)
            case .dataFolder(let sentence): throw fail(sentence, code: ExitCodes.journal)
            case .journal(let journalError): throw fail(journalError.description, code: ExitCodes.journal)
            }
        }
    }

    /// The desk over `session`, for `pay`, `reconcile`, `resolve` and the console. The
    /// test-only pause and clock-offset hooks are read here, and only a debug build
    /// honours them (see `DeskHooks.pauseVariable`, `DeskHooks.clockOffsetVariable`).
    static func desk(_ session: KhaltiSession, store: any JournalStore) -> PaymentDesk {
        PaymentDesk(
            store: store, gateway: .live(session.api), environment: session.khalti, clock: DeskHooks.clockFromEnvironment(),
            hooks: DeskHooks.fromEnvironment())
    }
}

extension KhaltiSession {
    /// The counter and operator written on every payment (`CounterIdentity`).
    var counterName: String { CounterIdentity.counter(settings) }
    var operatorName: String { CounterIdentity.operatorName(settings) }
}

/// Runs `body` with the journal open, and closes it whatever happens.
func withJournal<T>(_ body: (any JournalStore) async throws -> T) async throws -> T {
    let store = try await JournalAccess.open()
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
