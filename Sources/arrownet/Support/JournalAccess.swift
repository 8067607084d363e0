import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal
import SQLiteJournal

/// The one way every command and the console open the payment journal, and the desk
/// that pays through a session.
enum JournalAccess {
    /// The journal this counter writes to: `journal.sqlite` in the data folder. Its
    /// errors are sentences; the caller decides how to show them.
    static func openStore(environment: [String: String] = ProcessInfo.processInfo.environment) throws(JournalError) -> any JournalStore {
        let folder = DataDirectory.path(environment: environment)
        return try SQLiteJournal(path: folder + "/" + SQLiteJournal.fileName)
    }

    /// For commands: the journal, or exit 11 with a sentence: the data folder's own
    /// (it is a file, not writable, another user's), else the journal's.
    static func open() throws -> any JournalStore {
        if let problem = DataDirectory.problem(with: DataDirectory.path()) {
            throw fail(problem, code: ExitCodes.journal)
        }
        do {
            return try openStore()
        } catch {
            throw fail(error.description, code: ExitCodes.journal)
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
    let store = try JournalAccess.open()
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
