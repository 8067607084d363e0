import ArrownetDomain
import PaymentJournal
import Synchronization

/// The journal's position when each customer's payments were last read for the account
/// screen: what the clerk has seen. A confirmation refuses a payment paid after it ("paid
/// since you looked"), decided by the journal's own order, never by comparing this
/// counter's clock with the clock of whichever counter took the other payment.
///
/// Kept here, beside the journal calls, rather than in the console's state: the console's
/// screens know nothing of the journal, and the latest look-up of a customer is the one
/// whose screen the clerk confirms on.
final class LookupPositions: Sendable {
    private let positions = Mutex<[String: JournalPosition]>([:])

    func record(_ position: JournalPosition, for username: Username) {
        positions.withLock { $0[username.value.lowercased()] = position }
    }

    func position(for username: Username) -> JournalPosition? {
        positions.withLock { $0[username.value.lowercased()] }
    }
}
