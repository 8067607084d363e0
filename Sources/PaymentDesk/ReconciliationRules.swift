import Foundation

/// When held payments are looked up, and when silence from Khalti counts as an answer.
public struct ReconciliationRules: Sendable, Hashable {
    /// The first lookup of a held payment comes no sooner than this after it was sent:
    /// Khalti asks for five minutes. An answer the policy says to look up at once (HTTP
    /// 400: it may or may not have gone through) is looked up at once instead.
    public var firstLookupDelay: TimeInterval
    /// After each lookup that leaves a payment held, the next waits this long, doubled
    /// each time (1, 2, 4, 8 ... minutes) up to `longestLookupInterval`.
    public var lookupInterval: TimeInterval
    public var longestLookupInterval: TimeInterval
    /// "Unknown reference" (002) means not received only after this many such answers...
    public var unknownReferenceLookups: Int
    /// ...and once this long has passed since the payment was sent, since a late
    /// request can still land.
    public var unknownReferenceWindow: TimeInterval
    /// A payment left `prepared` or `sending` this long while the desk runs belongs to
    /// a process that died (the payment timeout is far shorter): it is recovered.
    public var strandedAfter: TimeInterval
    /// At most this many references go in one bulk lookup.
    public var bulkLookupLimit: Int
    /// How long a reconciliation holds its claim on the payments it looks up: longer than
    /// any bulk call and its single lookups take, short enough that a killed console's
    /// claims are soon free again.
    public var lookupClaim: TimeInterval

    public init(
        firstLookupDelay: TimeInterval = 5 * 60,
        lookupInterval: TimeInterval = 60,
        longestLookupInterval: TimeInterval = 30 * 60,
        unknownReferenceLookups: Int = 3,
        unknownReferenceWindow: TimeInterval = 15 * 60,
        strandedAfter: TimeInterval = 10 * 60,
        bulkLookupLimit: Int = 50,
        lookupClaim: TimeInterval = 120
    ) {
        self.firstLookupDelay = max(0, firstLookupDelay)
        self.lookupInterval = max(1, lookupInterval)
        self.longestLookupInterval = max(self.lookupInterval, longestLookupInterval)
        self.unknownReferenceLookups = max(1, unknownReferenceLookups)
        self.unknownReferenceWindow = max(0, unknownReferenceWindow)
        self.strandedAfter = max(0, strandedAfter)
        self.bulkLookupLimit = min(max(1, bulkLookupLimit), 100)
        self.lookupClaim = max(1, lookupClaim)
    }

    /// The wait after the `lookups`-th lookup (1-based) left the payment held.
    public func interval(afterLookups lookups: Int) -> TimeInterval {
        let doublings = min(max(lookups - 1, 0), 20)
        return min(lookupInterval * Double(1 << doublings), longestLookupInterval)
    }
}
