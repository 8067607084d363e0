import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

/// Where payments are taken and followed up: the one payment path shared by the
/// console and `arrownet pay`, and the reconciliation of held payments.
///
/// A value the runtime holds; every method is async and safe to call from any task.
/// Time, references and Khalti are injected, so flows are tested without sleeping.
public final class PaymentDesk: Sendable {
    public let journal: PaymentJournal
    public let gateway: KhaltiGateway
    /// Which Khalti this desk pays through; it only looks up payments that were sent there.
    public let environment: KhaltiEnvironment
    /// The journal's name for `environment`.
    public var khaltiEnvironment: String { environment.journalKey }
    public let rules: ReconciliationRules
    let clock: @Sendable () -> Date
    let references: ReferenceGenerator
    /// Decides "today" for the paid-today question: the counter's own calendar.
    let calendar: CounterCalendar
    let hooks: DeskHooks

    public init(
        journal: PaymentJournal, gateway: KhaltiGateway, environment: KhaltiEnvironment,
        rules: ReconciliationRules = ReconciliationRules(), clock: @escaping @Sendable () -> Date = Date.init,
        references: ReferenceGenerator = .live(), calendar: CounterCalendar = .nepal, hooks: DeskHooks = .none
    ) {
        self.journal = journal
        self.gateway = gateway
        self.environment = environment
        self.rules = rules
        self.clock = clock
        self.references = references
        self.calendar = calendar
        self.hooks = hooks
    }

    // MARK: Start

    /// Call once when a console or command starts: payments a previous run left
    /// `prepared` are abandoned (never sent), those left `sending` are held for lookup.
    /// Nothing is resent. Held payments are then listed by `heldPayments()`.
    public func recoverAtStart() async throws(JournalError) -> [PaymentChange] {
        let recovered = try await journal.recoverInterruptedPayments(at: clock(), lookupDelay: rules.firstLookupDelay)
        return recovered.map(Self.change)
    }

    // MARK: Queries for the console

    /// The customer's unresolved payment with this Khalti, to show instead of a new one.
    public func openPayment(for username: Username) async throws(JournalError) -> PaymentSummary? {
        try await journal.openPayment(for: username, in: khaltiEnvironment)?.summary
    }

    /// Held payments of this Khalti, flagged ones included, oldest first.
    public func heldPayments() async throws(JournalError) -> [PaymentSummary] {
        try await journal.heldPayments().filter { $0.khaltiEnvironment == khaltiEnvironment }.map(\.summary)
    }

    /// The customer's payments paid today (counter's calendar): when and how much.
    public func paidToday(_ username: Username) async throws(JournalError) -> [PaymentSummary] {
        let startOfToday = calendar.startOfDay(for: clock())
        return try await journal.paidPayments(for: username, in: khaltiEnvironment, since: startOfToday).map(\.summary)
    }

    public func summary(_ reference: PaymentReference) async throws(JournalError) -> PaymentSummary? {
        try await journal.payment(reference)?.summary
    }

    /// Every text from a server passes through here on its way to the journal.
    func scrubbed(_ evidence: PaymentEvidence) -> PaymentEvidence {
        PaymentEvidence(
            note: gateway.scrub(evidence.note), httpStatus: evidence.httpStatus, errorCode: evidence.errorCode.map(gateway.scrub),
            khaltiText: evidence.khaltiText.map(gateway.scrub))
    }

    static func change(_ recovered: RecoveredPayment) -> PaymentChange {
        let note = recovered.record.state == .abandoned
            ? "Never sent: the program stopped before the payment left."
            : "The program stopped while the payment was out: it will be looked up, never resent."
        return PaymentChange(before: recovered.before, after: recovered.record.summary, note: note)
    }
}
