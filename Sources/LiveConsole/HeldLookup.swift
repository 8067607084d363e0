import ArrownetDomain
import ConsoleCore
import PaymentDesk

/// "Look up now" on the held payments screen: the desk's reconciliation of every held
/// payment past its first allowed lookup (never sooner than Khalti's five minutes after
/// silence), then the payments as the journal has them afterwards.
///
/// It never sends a payment, and a reference Khalti does not know stays held until
/// enough time has passed.
struct HeldLookup: Sendable {
    let desk: PaymentDesk

    func lookUp(_ references: [PaymentReference]) async throws(ConsoleError) -> [PaymentSummary] {
        let report = await desk.reconcile(schedule: .pastFirstLookup)
        if let problem = report.journalProblem {
            throw ConsoleError(kind: .unavailable, reason: problem, nextStep: "Call support: the held payments cannot be looked up.")
        }
        let asked = Set(references)
        let answered = report.changes.map(\.after.reference) + report.stillHeld.map(\.reference)
        // A Khalti that is down fails every lookup: say so rather than "0 paid, 3 still held".
        if let failure = report.failures.first(where: { asked.contains($0.payment.reference) }),
           !answered.contains(where: asked.contains) {
            throw ConsoleError(
                kind: failure.kind, reason: "The lookup failed: \(failure.problem)",
                nextStep: "Nothing changed: the payments stay held.")
        }
        var summaries: [PaymentSummary] = []
        for reference in references {
            do {
                if let summary = try await desk.summary(reference) { summaries.append(summary) }
            } catch {
                throw ConsoleError(journal: error)
            }
        }
        return summaries
    }
}
