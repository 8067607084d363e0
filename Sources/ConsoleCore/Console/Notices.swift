import ArrownetDomain

/// One line about something that happened off-screen: "queuedok: now PAID - receipt printed".
public struct Notice: Hashable, Sendable {
    /// How it is drawn; every notice also says its news in words.
    public enum Tone: Hashable, Sendable {
        /// Money confirmed (a held payment now paid).
        case good
        /// Cash goes back to a customer.
        case bad
        /// A person must look at it.
        case warning
    }

    public var text: String
    public let tone: Tone
    /// The payment it is about, so a later answer (its receipt printed) updates it.
    public let reference: PaymentReference?

    public init(_ text: String, tone: Tone, reference: PaymentReference? = nil) {
        self.text = text
        self.tone = tone
        self.reference = reference
    }
}

/// Notices shown now, and those waiting for the next screen the clerk reaches: what
/// happened off-screen never changes a screen under a clerk serving a customer.
public struct Notices: Hashable, Sendable {
    public private(set) var shown: [Notice] = []
    public private(set) var waiting: [Notice] = []

    public init() {}

    mutating func add(_ notice: Notice, showNow: Bool) {
        if showNow { shown.append(notice) } else { waiting.append(notice) }
    }

    /// The clerk reached another screen: what was shown has been seen; what waited shows now.
    mutating func screenChanged() {
        shown = waiting
        waiting = []
    }

    /// Rewrites the notice about `reference`, wherever it is.
    mutating func update(_ reference: PaymentReference, text: String) {
        for index in shown.indices where shown[index].reference == reference { shown[index].text = text }
        for index in waiting.indices where waiting[index].reference == reference { waiting[index].text = text }
    }
}
