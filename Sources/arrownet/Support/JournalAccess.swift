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
    /// Why the journal could not be opened: the setting is wrong (exit 64), or the
    /// journal cannot be used (exit 11).
    enum OpenFailure: Error {
        case setting(String)
        case journal(JournalError)

        var sentence: String {
            switch self {
            case .setting(let sentence): sentence
            case .journal(let error): error.description
            }
        }
    }

    /// The journal this counter writes to: the shared PostgreSQL journal when a URL is
    /// configured (`ARROWNET_JOURNAL_URL` or `journal_url`), else `journal.sqlite` in the
    /// data folder. Its errors are sentences; the caller decides how to show them.
    static func openStore(
        journalURL: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(OpenFailure) -> any JournalStore {
        if let journalURL {
            let address: PostgresAddress
            do { address = try PostgresAddress(parsing: journalURL) } catch { throw .setting(error.description) }
            do { return try await PostgresJournal.open(address, environment: environment) } catch { throw .journal(error) }
        }
        let folder = DataDirectory.path(environment: environment)
        if let problem = DataDirectory.problem(with: folder) { throw .setting(problem) }
        do { return try SQLiteJournal(path: folder + "/" + SQLiteJournal.fileName) } catch { throw .journal(error) }
    }

    /// For commands: the journal, or a sentence and exit 64 (a journal URL that cannot be
    /// used, a data folder that is a file or another user's) or 11 (the journal cannot be
    /// opened: the database is down, refuses the login, is of a newer version).
    static func open() async throws -> any JournalStore {
        let journalURL: String?
        do { journalURL = try SettingsLoader().journalURL() } catch { throw fail(error.description, code: ExitCodes.usage) }
        do {
            return try await openStore(journalURL: journalURL)
        } catch {
            switch error {
            case .setting(let sentence): throw fail(sentence, code: journalURL == nil ? ExitCodes.journal : ExitCodes.usage)
            case .journal(let journalError): throw fail(journalError.description, code: ExitCodes.journal)
            }
        }
    }

    /// The desk over `session`, for `pay`, `reconcile`, `resolve` and the console. The
    /// test-only pause hook is read here, and only a debug build honours it
    /// (see `DeskHooks.pauseVariable`).
    static func desk(_ session: KhaltiSession, store: any JournalStore) -> PaymentDesk {
        PaymentDesk(store: store, gateway: .live(session.api), environment: session.khalti, hooks: DeskHooks.fromEnvironment())
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
