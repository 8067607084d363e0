import ArrownetDomain
import Foundation
import PaymentJournal

/// What Khalti's answer about a payment already final means: nothing new, or a
/// contradiction a person must settle. Decided here, in the desk; the journal records.
enum LateAnswer {
    /// The answer as the journal keeps it to compare (`PaymentRecord.decidedAgainst`):
    /// its state, amount and refund fields, never the transaction id or the wording, so
    /// that the same answer read twice is the same text.
    static func canonical(_ answer: LookupAnswer) -> String {
        PaymentWords.lookupEvidence(answer, note: "").khaltiText ?? "invalid_reference"
    }

    /// Why the answer contradicts a payment recorded not paid or not received, or nil
    /// when it agrees (Khalti failed it, refunded it, or does not know it).
    static func contradiction(_ answer: LookupAnswer, ofNotPaid payment: PaymentRecord) -> String? {
        switch LookupPolicy.verdict(for: answer, expectedAmount: payment.amount) {
        case .paid: "Khalti says Success"
        case .stillPending: "Khalti says it is still pending (it may yet take the money)"
        case .needsAttention(let problem): "Khalti says: \(problem)"
        case .notPaid, .unknownToKhalti: nil
        }
    }

    /// The two facts for the person: what the journal recorded (who decided, when, why)
    /// and what Khalti says now, e.g. "recorded NOT PAID by Ram at 10:02 after 'customer
    /// left'; Khalti says Success".
    static func problem(_ payment: PaymentRecord, decision: PaymentEvent?, calendar: CounterCalendar, khalti: String) -> String {
        let at = decision?.at ?? payment.resolvedAt ?? payment.updatedAt
        let clock = calendar.clock(of: at)
        let time = String(format: "%02d:%02d", clock.hour, clock.minute)
        guard let decision, let person = decision.actor else {
            return "recorded \(payment.state.label) at \(time) (\(decision?.evidence.note ?? "by the program")); \(khalti)"
        }
        let prefix = "Decided by \(person): "
        let why = decision.evidence.note.hasPrefix(prefix) ? String(decision.evidence.note.dropFirst(prefix.count)) : decision.evidence.note
        return "recorded \(payment.state.label) by \(person) at \(time) after '\(why)'; \(khalti)"
    }
}
