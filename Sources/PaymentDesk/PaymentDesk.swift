import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// Where payments are taken and followed up: the one payment path shared by the
/// console and `arrownet pay`, the reconciliation of held payments, and a person's
/// decision about a payment Khalti could not settle.
///
/// A value the runtime holds; every method is async and safe to call from any task.
/// Time, references, Khalti and the journal are injected, so flows are tested without
/// sleeping, against either journal.
public final class PaymentDesk: Sendable {
    let store: any JournalStore
    public let gateway: KhaltiGateway
    /// Which Khalti this desk pays through; it only looks up payments that were sent there.
    public let environment: KhaltiEnvironment
    /// The journal's name for `environment`.
    public var khaltiEnvironment: String { environment.journalKey }
    /// The fingerprint of the Khalti account this desk pays and looks up through.
    public var khaltiAccount: String { gateway.account(khaltiEnvironment) }
    public let rules: ReconciliationRules
    let clock: @Sendable () -> Date
    let references: ReferenceGenerator
    /// Decides "today" for the paid-today question: the counter's own calendar.
    let calendar: CounterCalendar
    let hooks: DeskHooks

    public init(
        store: any JournalStore, gateway: KhaltiGateway, environment: KhaltiEnvironment,
        rules: ReconciliationRules = ReconciliationRules(), clock: @escaping @Sendable () -> Date = Date.init,
        references: ReferenceGenerator = .live(), calendar: CounterCalendar = .nepal, hooks: DeskHooks = .none
    ) {
        self.store = store
        self.gateway = gateway
        self.environment = environment
        self.rules = rules
        self.clock = clock
        self.references = references
        self.calendar = calendar
        self.hooks = hooks
    }

    // MARK: Start

    /// Call once when a console or command starts: this counter's payments that a
    /// process now gone left `prepared` are abandoned (never sent), those left
    /// `sending` are held for lookup. Another live process's payments are never
    /// touched; nothing is resent.
    public func recoverAtStart(counter: String) async throws(JournalError) -> [PaymentChange] {
        let now = clock()
        let recovered = try await store.recoverStranded(
            at: now, lookupDelay: rules.firstLookupDelay, cutoff: now.addingTimeInterval(-rules.strandedAfter), counter: counter)
        return recovered.map(Self.change)
    }

    // MARK: Queries for the console and the commands

    /// The customer's unresolved payment with this Khalti, to show instead of a new one.
    public func openPayment(for username: Username) async throws(JournalError) -> PaymentSummary? {
        try await store.openPayment(for: username, in: khaltiEnvironment)?.summary
    }

    /// Held payments of this Khalti, flagged ones included, and its final payments
    /// flagged for a person (Khalti's later answer contradicts them: the clerk's list
    /// names them as NEEDS A PERSON too), oldest first.
    public func heldPayments() async throws(JournalError) -> [PaymentSummary] {
        let held = try await store.heldPayments(in: khaltiEnvironment)
        let flagged = try await store.history(HistoryFilter(khaltiEnvironment: khaltiEnvironment, needsAttention: true))
            .filter(\.state.isFinal)
        return (held + flagged).sorted { ($0.createdAt, $0.reference.value) < ($1.createdAt, $1.reference.value) }.map(\.summary)
    }

    /// The start of today in the counter's calendar.
    public func startOfToday() -> Date {
        calendar.startOfDay(for: clock())
    }

    /// The customer's payments with this Khalti paid since `since` (default: the start
    /// of today in the counter's calendar).
    public func paidPayments(_ username: Username, since: Date? = nil) async throws(JournalError) -> [PaymentSummary] {
        try await store.paidPayments(for: username, in: khaltiEnvironment, since: since ?? startOfToday()).map(\.summary)
    }

    public func summary(_ reference: PaymentReference) async throws(JournalError) -> PaymentSummary? {
        try await store.payment(reference)?.summary
    }

    /// Every text from a server passes through here on its way to the journal.
    func scrubbed(_ evidence: PaymentEvidence) -> PaymentEvidence {
        PaymentEvidence(
            note: gateway.scrub(evidence.note), httpStatus: evidence.httpStatus, errorCode: evidence.errorCode.map(gateway.scrub),
            khaltiText: evidence.khaltiText.map(gateway.scrub))
    }

    static func change(_ recovered: RecoveredPayment) -> PaymentChange {
        let note = recovered.record.state == .abandoned
            ? "Never sent: the program that wrote it stopped before the payment left."
            : "The program that sent it stopped while the payment was out: it will be looked up, never resent."
        return PaymentChange(before: recovered.before, after: recovered.record.summary, note: note)
    }
}
