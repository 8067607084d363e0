import ArrownetDomain

/// Why the journal could not do what was asked. Every description is a sentence for a
/// clerk or a support agent; none contains anything from a request to Khalti (the
/// journal never receives a request, so it cannot leak a token).
public enum JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The journal's folder could not be made or made private.
    case folderUnusable(path: String, reason: String)
    /// The folder belongs to someone else and others may read it: the journal holds
    /// customers' names and payments, so it is not written there.
    case folderNotPrivate(path: String, mode: String)
    case cannotOpen(path: String, reason: String)
    /// Written by a newer arrownet. Refused before anything is changed in it, so the
    /// newer program still finds it as it left it.
    case newerSchema(path: String, found: String, known: Int)
    /// A SQLite file, but not one this program wrote.
    case notAJournal(path: String)
    case writeFailed(String)
    case readFailed(String)
    /// The state machine refused the move (`PaymentState.canMove`), or the payment
    /// was moved by someone else first.
    case transitionRefused(reference: PaymentReference, from: PaymentState, to: PaymentState)
    case unknownReference(PaymentReference)
    case referenceAlreadyUsed(PaymentReference)
    /// A person's resolution asked of a payment that is not waiting for one (already
    /// paid, not paid or abandoned, and not flagged). Nothing was changed.
    case notResolvable(reference: PaymentReference, state: PaymentState)
    /// The counter has no open shift (to pay, put cash in or out, or close one).
    case noOpenShift(counter: String)
    case unknownShift(Int64)
    /// The shift is closed: it and its figures never change.
    case shiftClosed(number: Int, counter: String)
    /// A payment of the shift is still on its way to Khalti: the shift can close once it is answered.
    case paymentsOnTheirWay([PaymentReference])
    /// The journal is in use by another program or cannot be reached in time.
    case unavailable(String)
    /// A row that does not read back as a payment (edited by hand, say). Never a crash.
    case unreadableRecord(String)

    public var description: String {
        switch self {
        case .folderUnusable(let path, let reason):
            "The journal folder \(path) cannot be used (\(reason)). No payment can be taken until it can."
        case .folderNotPrivate(let path, let mode):
            "The journal folder \(path) belongs to another user and is open to others (mode \(mode)). "
                + "Set ARROWNET_DATA_DIR to a private folder."
        case .cannotOpen(let path, let reason):
            "The payment journal \(path) cannot be opened (\(reason)). No payment can be taken until it can."
        case .newerSchema(let path, let found, let known):
            "The payment journal \(path) was written by a newer arrownet (schema \(found); this one knows "
                + "up to version \(known)). It was left untouched: use the newer arrownet, or call support."
        case .notAJournal(let path):
            "\(path) is not an arrownet payment journal. It was left untouched; check ARROWNET_DATA_DIR."
        case .writeFailed(let reason):
            "The payment journal could not be written (\(reason)). Nothing was sent to Khalti."
        case .readFailed(let reason):
            "The payment journal could not be read (\(reason))."
        case .transitionRefused(let reference, let from, let to):
            "Payment \(reference) is \(from.label) and cannot become \(to.label)."
        case .unknownReference(let reference):
            "The journal has no payment with reference \(reference)."
        case .referenceAlreadyUsed(let reference):
            "The journal already has a payment with reference \(reference); a reference is used once."
        case .notResolvable(let reference, let state):
            "Payment \(reference) is \(state.label) and waits for no decision; nothing was changed."
        case .noOpenShift(let counter):
            "Counter \(counter) has no open shift. Open one first: arrownet shift open --operator NAME --float AMOUNT"
        case .unknownShift(let id):
            "The journal has no shift \(id)."
        case .shiftClosed(let number, let counter):
            "Shift \(number) of \(counter) is closed; a closed shift never changes."
        case .paymentsOnTheirWay(let references):
            "A payment of this shift is still on its way to Khalti (\(references.map(\.value).joined(separator: ", "))): "
                + "close the shift once it is answered."
        case .unavailable(let reason):
            "The payment journal cannot be reached (\(reason)). Nothing was sent."
        case .unreadableRecord(let problem):
            "A journal record could not be read (\(problem)). Call support."
        }
    }
}
