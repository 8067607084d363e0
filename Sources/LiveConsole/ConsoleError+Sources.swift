import ArrownetDomain
import ConsoleCore
import KhaltiClient
import PaymentJournal

extension ConsoleError {
    /// Khalti's error as the clerk reads it: the client's own two sentences, so the
    /// console and `arrownet lookup` say the same thing. `username` is the customer
    /// asked about, which turns a 4000 to a details call into "no such customer".
    /// The client has scrubbed the token from every text it keeps.
    public init(khalti error: KhaltiError, username: Username? = nil) {
        let sentences = error.clerkSentences(username: username)
        self.init(kind: error.kind, reason: sentences.reason, nextStep: sentences.nextStep)
    }

    /// The journal's error as the clerk reads it. Without the journal no payment can be
    /// taken (its open-payment check and the intent both live there), so the next step
    /// is support, unless the sentence already names what to do.
    public init(journal error: JournalError) {
        let nextStep = switch error {
        case .folderNotPrivate, .newerSchema, .notAJournal, .unreadableRecord, .noOpenShift, .shiftClosed, .paymentsOnTheirWay:
            ""
        case .unknownShift:
            "Call support with the shift number."
        case .transitionRefused, .unknownReference, .referenceAlreadyUsed, .notResolvable:
            "Call support with the reference."
        case .folderUnusable, .cannotOpen, .writeFailed, .readFailed, .unavailable:
            "Call support: no payment can be taken until the journal can be used."
        }
        self.init(kind: .unavailable, reason: error.description, nextStep: nextStep)
    }
}
