import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// The payment journal in the data folder, and the desk that pays through a session.
enum JournalAccess {
    static func path() throws -> String {
        do {
            return try DataDirectory.root().appendingPathComponent(PaymentJournal.fileName).path
        } catch {
            throw fail("The data folder cannot be used (\(error.localizedDescription)). Nothing was sent.", code: ExitCodes.journal)
        }
    }

    /// Opens the journal or leaves with exit 11 and the journal's own sentence.
    static func open() throws -> PaymentJournal {
        let path = try path()
        do {
            return try PaymentJournal(path: path)
        } catch {
            throw fail(error.description, code: ExitCodes.journal)
        }
    }

    /// The desk over `session`, for `pay` and `reconcile`. The test-only pause hook is
    /// read from the environment here (see `DeskHooks.pauseVariable`).
    static func desk(_ session: KhaltiSession, journal: PaymentJournal) -> PaymentDesk {
        PaymentDesk(
            journal: journal, gateway: .live(session.api), environment: session.khalti,
            hooks: DeskHooks.fromEnvironment())
    }
}

extension KhaltiSession {
    /// The counter and operator written on every payment (`CounterIdentity`).
    var counterName: String { CounterIdentity.counter(settings) }
    var operatorName: String { CounterIdentity.operatorName(settings) }
}
