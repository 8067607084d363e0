import ArrownetDomain
import Foundation

/// The one door to the payment journal: every payment intent and every state change,
/// for the desk, the console, reconciliation and every command.
///
/// Two implementations keep it: SQLite (target SQLiteJournal, one counter, the
/// embedded default) and PostgreSQL (many counters on one journal). Each enforces the
/// money rules in the database itself, where no caller can skip them: a payment is
/// written `prepared` before it is sent; states move only along `PaymentState.canMove`;
/// what was promised to the customer never changes; one unresolved payment per customer
/// and Khalti; the paid-today check and the intent are one transaction. The contract
/// test suite (Tests/JournalContractTests) runs unchanged against both.
///
/// Deciding is not the store's job (the desk decides what an answer means); the store
/// keeps and guards.
public protocol JournalStore: Sendable {
    /// Where the journal lives, for sentences: a file path or a database URL without
    /// any password.
    var location: String { get }

    /// The process that writes through this store, stamped on every intent it writes.
    /// While this store is open, its owner is provably alive: recovery never touches
    /// its payments (see `recoverStranded`).
    var owner: String { get }

    // MARK: Reading

    func payment(_ reference: PaymentReference) async throws(JournalError) -> PaymentRecord?

    /// Every state change of the payment, oldest first.
    func events(of reference: PaymentReference) async throws(JournalError) -> [PaymentEvent]

    /// The customer's unresolved payment with this Khalti, if any (at most one).
    func openPayment(for username: Username, in environment: String) async throws(JournalError) -> PaymentRecord?

    /// The customer's paid payments with this Khalti created at or after `since`, oldest first.
    func paidPayments(for username: Username, in environment: String, since: Date) async throws(JournalError) -> [PaymentRecord]

    /// Held payments, flagged ones included, oldest first; of one Khalti, or of all with nil.
    func heldPayments(in environment: String?) async throws(JournalError) -> [PaymentRecord]

    /// Held payments of this Khalti that may be looked up at `time`, in the order to
    /// look them up. Payments waiting for a person are never due.
    func dueForLookup(in environment: String, at time: Date, schedule: LookupSchedule) async throws(JournalError) -> [PaymentRecord]

    /// Claims, for this store's owner until `claimUntil`, the payments `dueForLookup`
    /// would list that no other live claim holds, and returns them. Two consoles
    /// reconciling at once never look the same payment up twice. A claim ends with the
    /// lookup's record (`recordLookup`), with `releaseClaims`, or when it runs out.
    ///
    /// Only payments of Khalti account `account` (a fingerprint) are claimed: Khalti
    /// answers "unknown reference" to any other account, which would settle a paid
    /// payment as never received. A payment without a recorded account (written before
    /// accounts were) is given `account` in the same write that claims it.
    func claimLookups(
        in environment: String, account: String, at time: Date, schedule: LookupSchedule, claimUntil: Date
    ) async throws(JournalError) -> [PaymentRecord]

    /// Gives up this owner's claims on these payments (their lookups failed).
    func releaseClaims(_ references: [PaymentReference]) async throws(JournalError)

    /// Payments matching the filter, oldest first.
    func history(_ filter: HistoryFilter) async throws(JournalError) -> [PaymentRecord]

    /// Every printing of the payment's receipt, oldest first; empty for a payment never
    /// printed, or a reference the journal does not have.
    func receiptPrintings(of reference: PaymentReference) async throws(JournalError) -> [ReceiptPrinting]

    // MARK: Writing

    /// Writes the intent durably as `prepared`, stamped with `owner` and with its
    /// counter's open shift, unless the counter has no open shift (`.noOpenShift`), the
    /// customer already has an unresolved payment with this Khalti (`.blocked`), or, with
    /// `refusing`, has a paid payment the clerk did not see (`.paidAlready`): then nothing is
    /// written. The checks and the insert are one transaction that no other process
    /// can interleave, so of two counters paying one customer exactly one prepares.
    ///
    /// `refusing` says which paid payments the clerk has not seen: created since a time
    /// (the start of today), or paid after a journal position (taken when the customer's
    /// payments were shown).
    func prepare(_ intent: PaymentIntent, refusing unseen: UnseenPayments?) async throws(JournalError) -> Preparation

    /// Where the journal is now: the position to pass to `prepare` as `.paidAfter` once
    /// the customer's payments have been read and shown.
    func position() async throws(JournalError) -> JournalPosition

    /// The journal's own clock: the database server's `clock_timestamp()` on the shared
    /// journal; on SQLite, the clock of the machine all its writers share. A counter
    /// compares its own clock with it to say when it drifts.
    func journalTime() async throws(JournalError) -> Date

    /// `prepared` → `sending`, written just before the request leaves. Refused when the
    /// intent is no longer prepared (recovery abandoned it): then nothing may be sent.
    func markSending(_ reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord

    /// Records Khalti's answer to the payment (or its absence). The payment is normally
    /// `sending`; it may already be `held` (recovered meanwhile) and the answer still
    /// counts. One already resolved is returned unchanged.
    func recordAnswer(_ answer: RecordedAnswer, of reference: PaymentReference, at time: Date) async throws(JournalError) -> PaymentRecord

    /// Records a status lookup of a held payment. nil when the payment is no longer held
    /// (someone resolved it first): nothing is written then.
    func recordLookup(
        _ reference: PaymentReference, found finding: LookupFinding, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord?

    /// Flags a paid payment for a person (a lookup found it refunded after it was paid).
    /// Its state stays `paid`; nil when it is not paid, or already flagged.
    func flagPaid(_ reference: PaymentReference, problem: String, evidence: PaymentEvidence, at time: Date) async throws(JournalError) -> PaymentRecord?

    /// Records Khalti's answer about a payment already final (paid, not paid, not
    /// received): an event, and `answer` (its canonical text) as what the payment now
    /// stands against; with `problem` the payment is also flagged for a person (the
    /// answer contradicts it). Its state never moves: a person settles it with `resolve`.
    /// nil when the payment is not in one of those states, is already flagged, or already
    /// stands against this very answer: nothing is written then (`LateAnswerRule`).
    func recordLateAnswer(
        _ reference: PaymentReference, answer: String, flag problem: String?, evidence: PaymentEvidence, at time: Date
    ) async throws(JournalError) -> PaymentRecord?

    /// A person's decision, after checking with Khalti: a held payment (flagged or not)
    /// becomes paid or not paid; a flagged paid payment is confirmed paid (flag cleared)
    /// or becomes not paid; a flagged not paid or not received payment (Khalti's later
    /// answer contradicted it) becomes paid, or its flag is cleared (not paid after all).
    /// Anything else is refused with `.notResolvable`. The answer the payment stands
    /// against (`decidedAgainst`) is kept with the decision.
    func resolve(_ resolution: Resolution, at time: Date) async throws(JournalError) -> PaymentRecord

    /// Records that the payment's receipt was printed (or saved). Append-only, like the
    /// event log; `.unknownReference` for a reference the journal does not have. Whether
    /// a payment may have a receipt (it is paid) is the caller's question.
    func recordReceiptPrinting(_ printing: ReceiptPrinting, of reference: PaymentReference) async throws(JournalError)

    /// Payments left `prepared` or `sending` by a process that is provably gone: its
    /// liveness lock is free, or the payment has waited since before `cutoff` (no live
    /// payment waits that long). `prepared` ones are abandoned (the request leaves only
    /// after `sending` is written); `sending` ones are held, first looked up no sooner
    /// than `lookupDelay` after they were sent. Only `counter`'s payments with a counter.
    func recoverStranded(
        at time: Date, lookupDelay: TimeInterval, cutoff: Date, counter: String?
    ) async throws(JournalError) -> [RecoveredPayment]

    // MARK: Shifts

    /// Opens a shift at the counter, numbered after its last one; `.alreadyOpen` (nothing
    /// written) when the counter has one open.
    func openShift(_ opening: ShiftOpening) async throws(JournalError) -> ShiftOpened

    /// The counter's open shift, if any.
    func currentShift(counter: String) async throws(JournalError) -> Shift?

    func shift(id: Int64) async throws(JournalError) -> Shift?

    /// Shifts opened at or after `since` (all with nil), of one counter or of all, newest first.
    func shifts(counter: String?, since: Date?) async throws(JournalError) -> [Shift]

    /// Records cash put into or taken out of the counter's open shift; `.noOpenShift` when none.
    func recordCashMovement(_ movement: NewCashMovement) async throws(JournalError) -> CashMovement

    /// Records that the counter's cash drawer opened (in its open shift, if any).
    func recordDrawerOpening(_ opening: NewDrawerOpening) async throws(JournalError) -> DrawerOpening

    /// What a report of the shift is made from, up to `until`, read in one transaction.
    func shiftActivity(id: Int64, until: Date) async throws(JournalError) -> ShiftActivity

    /// Closes the shift in one transaction: refused when it is closed already
    /// (`.shiftClosed`) or a payment of it is still on its way (`.paymentsOnTheirWay`);
    /// otherwise `report` makes the Z report from the activity read in that same
    /// transaction, and the report is kept with the shift, never to change.
    func closeShift(
        _ closing: ShiftClosing, report: @escaping @Sendable (ShiftActivity) -> ShiftReport
    ) async throws(JournalError) -> Shift

    /// Closes the connections and gives up the liveness lock. Writes already returned
    /// are durable.
    func close() async
}

extension JournalStore {
    /// `prepare(_:refusing:)` with the paid payments created since `refusingIfPaidSince`
    /// (nil: none) counted as unseen.
    public func prepare(_ intent: PaymentIntent, refusingIfPaidSince since: Date?) async throws(JournalError) -> Preparation {
        try await prepare(intent, refusing: since.map(UnseenPayments.createdSince))
    }
}

/// Which held payments a reconciliation asks about.
public enum LookupSchedule: Sendable, Hashable {
    /// Those whose next lookup (the backoff) has come.
    case due
    /// Every held payment past its first allowed lookup (Khalti's 5-minute rule after
    /// silence, at once after a refusal), whatever the backoff: the console's "look up now".
    case pastFirstLookup
    /// Every held payment, even within Khalti's five minutes: support's `reconcile --now`.
    case all

    /// Whether the first allowed lookup is waited for.
    public var waitsForFirstLookup: Bool { self != .all }
    /// Whether the backoff between lookups is waited for.
    public var waitsForBackoff: Bool { self == .due }
}

/// Khalti's answer to a payment, as the journal records it.
public struct RecordedAnswer: Sendable, Hashable {
    /// `paid`, `held` or `notPaid`.
    public let state: PaymentState
    public let evidence: PaymentEvidence
    public let transactionID: String?
    /// For a held payment: no lookup before this.
    public let firstLookupAt: Date?
    /// Khalti answered with an error code that proves the request was refused, not
    /// applied: one "unknown reference" lookup is then enough to call it not paid.
    public let refusedByKhalti: Bool

    public init(state: PaymentState, evidence: PaymentEvidence, transactionID: String?, firstLookupAt: Date?, refusedByKhalti: Bool = false) {
        self.state = state
        self.evidence = evidence
        self.transactionID = transactionID
        self.firstLookupAt = state == .held ? firstLookupAt : nil
        self.refusedByKhalti = state == .held && refusedByKhalti
    }
}

/// What a status lookup found, as the journal records it on a held payment. The desk
/// decides; the journal keeps the counts and the log.
public enum LookupFinding: Sendable, Hashable {
    /// A final answer: `paid`, `notPaid` or `notReceived`.
    case resolved(PaymentState, transactionID: String?)
    /// Khalti knows the payment and it is still pending.
    case stillPending(nextLookupAt: Date)
    /// Khalti does not know the reference (002), not yet for long enough to decide.
    case unknownToKhalti(nextLookupAt: Date)
    /// The answer disagrees with the journal: a person must decide, so it is no longer
    /// looked up by itself. `answer` is the answer's canonical text, kept as what the
    /// person's decision stands against.
    case needsAttention(String, answer: String? = nil)
}

/// A person's decision about a payment Khalti's answers could not settle.
public struct Resolution: Sendable, Hashable {
    public enum Verdict: String, Sendable, Hashable {
        case paid
        case notPaid = "not_paid"
    }

    public let reference: PaymentReference
    public let verdict: Verdict
    /// Who decided: the operator, written on the event.
    public let person: String
    /// What the person checked and found ("Khalti support confirmed success on the phone").
    public let note: String

    public init(reference: PaymentReference, verdict: Verdict, person: String, note: String) {
        self.reference = reference
        self.verdict = verdict
        self.person = person
        self.note = note
    }
}

/// A payment that recovery moved.
public struct RecoveredPayment: Sendable, Hashable {
    public let before: PaymentState
    public let record: PaymentRecord

    public init(before: PaymentState, record: PaymentRecord) {
        self.before = before
        self.record = record
    }
}

/// Which payments `history` lists. Every field left nil matches everything.
public struct HistoryFilter: Sendable, Hashable {
    /// Payments created at or after this instant.
    public var since: Date?
    /// Payments created before this instant.
    public var until: Date?
    public var username: Username?
    public var states: Set<PaymentState>?
    public var khaltiEnvironment: String?
    public var counter: String?
    /// Part of the customer's name, any case (Devanagari has none, and matches as typed).
    public var nameContains: String?
    /// Only payments waiting for a person (flagged).
    public var needsAttention: Bool
    /// Only payments written in this shift.
    public var shiftID: Int64?

    public init(
        since: Date? = nil, until: Date? = nil, username: Username? = nil, states: Set<PaymentState>? = nil,
        khaltiEnvironment: String? = nil, counter: String? = nil, nameContains: String? = nil, needsAttention: Bool = false,
        shiftID: Int64? = nil
    ) {
        self.shiftID = shiftID
        self.since = since
        self.until = until
        self.username = username
        self.states = states
        self.khaltiEnvironment = khaltiEnvironment
        self.counter = counter
        self.nameContains = nameContains
        self.needsAttention = needsAttention
    }

    /// The name filter, applied in Swift by every store: SQL's case folding differs
    /// between databases and stops at ASCII, Swift's does not.
    public func matchesName(_ record: PaymentRecord) -> Bool {
        guard let part = nameContains?.trimmingCharacters(in: .whitespaces), !part.isEmpty else { return true }
        return record.customerName.lowercased().contains(part.lowercased())
    }
}
