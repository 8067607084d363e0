import Foundation
import PaymentJournal

extension PaymentDesk {
    /// Where the journal is now. Taken when a customer's payments are read to be shown,
    /// it marks what the clerk has seen: pass it to `pay(...unseen: .paidAfter(_))`.
    public func journalPosition() async throws(JournalError) -> JournalPosition {
        try await store.position()
    }

    /// How far this counter's clock is from the journal's (positive: the counter is
    /// ahead), measured now.
    public func clockDrift() async throws(JournalError) -> TimeInterval {
        let before = clock()
        let journal = try await store.journalTime()
        // The journal's time was read somewhere between the two local readings.
        let local = before.addingTimeInterval(clock().timeIntervalSince(before) / 2)
        return local.timeIntervalSince(journal)
    }
}
