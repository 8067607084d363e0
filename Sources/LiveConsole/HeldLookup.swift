import Foundation
import ArrownetDomain
import ConsoleCore
import PaymentDesk

/// The held payments looked up through the desk's reconciliation: `l` on the held list
/// ("look up now": every held payment past Khalti's five minutes after silence, at once
/// after a refusal, whatever the backoff), and the console's background lookups of
/// those due on the journal's schedule.
///
/// It never sends a payment, and a reference Khalti does not know stays held until
/// enough time has passed.
struct HeldLookup: Sendable {
    let desk: PaymentDesk

    func lookUp(_ references: [PaymentReference]) async throws(ConsoleError) -> HeldLookupResult {
        let report = await desk.reconcile(schedule: .pastFirstLookup)
        if let problem = report.journalProblem {
            throw ConsoleError(kind: .unavailable, reason: problem, nextStep: "Call support: the held payments cannot be looked up.")
        }
        let lookedUp = report.changes.map(\.after) + report.stillHeld
        // A Khalti that is down fails every lookup: say so rather than "0 paid, 3 still held".
        if let failure = report.failures.first, lookedUp.isEmpty {
            throw ConsoleError(
                kind: failure.kind, reason: "The lookup failed: \(failure.problem)",
                nextStep: "Nothing changed: the payments stay held.")
        }
        return HeldLookupResult(
            lookedUp: lookedUp, settled: report.changes.map(Self.settled), notYetDue: report.notYetDue,
            waitingForPerson: report.waitingForPerson,
            otherAccount: report.elsewhere.filter { $0.khaltiAccount != nil && $0.khaltiAccount != desk.khaltiAccount })
    }

    /// When the earliest held payment waiting for a lookup is due; flagged ones wait for a
    /// person, not a lookup.
    func nextLookup() async -> Date? {
        guard let held = try? await desk.heldPayments() else { return nil }
        return held.filter { $0.state == .held && $0.attention == nil }.compactMap(\.nextLookupAt).min()
    }

    /// The lookups the journal's schedule says are due, and the held payments afterwards.
    func reconcileDue() async -> HeldReconciliation? {
        let report = await desk.reconcile(schedule: .due)
        guard report.journalProblem == nil, let held = try? await desk.heldPayments() else { return nil }
        return HeldReconciliation(settled: (report.recovered + report.changes).map(Self.settled), held: held)
    }

    static func settled(_ change: PaymentChange) -> SettledPayment {
        SettledPayment(before: change.before, payment: change.after, note: change.note)
    }
}
