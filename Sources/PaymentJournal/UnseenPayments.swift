import Foundation

/// A point in the journal's own order of writes: the last payment event written when it
/// was taken. Positions come from the journal alone (an event's sequence number), never
/// from a machine's clock, so two counters whose clocks disagree still agree on which of
/// two writes came first.
public struct JournalPosition: Sendable, Hashable, Comparable {
    /// The id of the last payment event written (0 in an empty journal).
    public let lastEvent: Int64

    public init(lastEvent: Int64) {
        self.lastEvent = lastEvent
    }

    public static func < (lhs: JournalPosition, rhs: JournalPosition) -> Bool {
        lhs.lastEvent < rhs.lastEvent
    }
}

/// Which of a customer's paid payments were not shown to whoever confirmed a payment,
/// and so stop it (`Preparation.paidAlready`).
public enum UnseenPayments: Sendable, Hashable {
    /// Every paid payment created at or after this instant: the start of today, when the
    /// clerk was shown none of today's payments.
    case createdSince(Date)
    /// Every payment that became paid after this journal position: the position taken
    /// when the clerk was shown the customer's payments ("paid since you looked").
    /// Counters' clocks play no part, so a counter whose clock is behind cannot slip a
    /// payment in before the look-up.
    case paidAfter(JournalPosition)
}
