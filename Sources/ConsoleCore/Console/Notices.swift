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
///
/// A notice stays while the clerk serves a customer (confirmation, sending, result) and
/// goes once they leave a screen where nothing was under way (the username screen, the
/// held list): by then it has been in view long enough to be read.
public struct Notices: Hashable, Sendable {
    public private(set) var shown: [Notice] = []
    public private(set) var waiting: [Notice] = []

    public init(shown: [Notice] = [], waiting: [Notice] = []) {
        self.shown = shown
        self.waiting = waiting
    }

    mutating func add(_ notice: Notice, showNow: Bool) {
        if showNow { shown.append(notice) } else { waiting.append(notice) }
    }

    /// The clerk reached another screen, leaving `left`: what waited shows now, and what
    /// was shown is gone if the screen left was not one of a customer being served.
    mutating func screenChanged(leaving left: Screen.Kind) {
        if !left.servesCustomer { shown = [] }
        shown += waiting
        waiting = []
    }

    /// Rewrites the notice about `reference`, wherever it is; false when there is none
    /// (it was seen, and the clerk moved on).
    @discardableResult
    mutating func update(_ reference: PaymentReference, _ rewrite: (String) -> String) -> Bool {
        var found = false
        for index in shown.indices where shown[index].reference == reference {
            shown[index].text = rewrite(shown[index].text)
            found = true
        }
        for index in waiting.indices where waiting[index].reference == reference {
            waiting[index].text = rewrite(waiting[index].text)
            found = true
        }
        return found
    }
}
