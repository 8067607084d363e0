import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// A person's decision about a payment Khalti's answers could not settle (held, or
    /// flagged for a person), after checking with Khalti (merchant portal, phone). Who,
    /// when and why are kept on the journal's event; the move is checked like every other.
    public func resolve(
        _ reference: PaymentReference, as verdict: Resolution.Verdict, by person: String, note: String
    ) async throws(JournalError) -> PaymentSummary {
        try await store.resolve(Resolution(reference: reference, verdict: verdict, person: person, note: note), at: clock()).summary
    }

    /// What a live lookup of a paid payment found, recorded when it matters: a paid
    /// payment that Khalti has since refunded is flagged for a person (its state stays
    /// paid: a person settles it). The answer a person's decision was made against
    /// reopens nothing; a different one does. Returns the record afterwards, or nil when
    /// nothing was written.
    public func notePaidLookup(_ answer: LookupAnswer, of reference: PaymentReference) async throws(JournalError) -> PaymentSummary? {
        guard let record = try await store.payment(reference), record.state == .paid, record.attention == nil,
              case .found(let facts) = answer, LateAnswer.canonical(answer) != record.decidedAgainst
        else { return nil }
        let refunded = facts.refunded.value == true || (facts.refundedAmount.value.map { $0.paisa > 0 } ?? false)
        guard refunded || LookupPolicy.problem(with: facts, expectedAmount: record.amount) != nil else { return nil }
        let problem = refunded
            ? "Khalti refunded \(facts.refundedAmount.value?.formatted ?? "it") after it was paid: check whether the customer got the money back."
            : (LookupPolicy.problem(with: facts, expectedAmount: record.amount) ?? "")
        let evidence = scrubbed(PaymentWords.lookupEvidence(answer, note: "Lookup of a paid payment: \(problem)"))
        return try await store.recordLateAnswer(
            reference, answer: LateAnswer.canonical(answer), flag: gateway.scrub(problem), evidence: evidence, at: clock())?.summary
    }
}
