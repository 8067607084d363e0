import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Records Khalti's answer about a payment recorded not paid or not received: one
    /// that contradicts it flags it for a person with both facts (its state stays: the
    /// person decides with `resolve`); one that agrees is noted as what it stands
    /// against. Nothing is written for the answer it already stands against. Returns the
    /// record afterwards, or nil when nothing was written.
    func noteLateAnswer(_ answer: LookupAnswer, of payment: PaymentRecord) async throws(JournalError) -> PaymentRecord? {
        guard payment.state == .notPaid || payment.state == .notReceived else { return nil }
        let canonical = LateAnswer.canonical(answer)
        guard canonical != payment.decidedAgainst else { return nil }
        var problem: String?
        if let khalti = LateAnswer.contradiction(answer, ofNotPaid: payment) {
            let decision = try await store.events(of: payment.reference).last { $0.to == payment.state }
            problem = gateway.scrub(LateAnswer.problem(payment, decision: decision, calendar: calendar, khalti: khalti))
        }
        let note = problem.map { "Lookup contradicts the journal; a person must decide: \($0)" }
            ?? "Lookup of a \(payment.state.label) payment: Khalti agrees."
        let evidence = scrubbed(PaymentWords.lookupEvidence(answer, note: note))
        return try await store.recordLateAnswer(payment.reference, answer: canonical, flag: problem, evidence: evidence, at: clock())
    }

    /// Looks up, once, the payments of this Khalti and account recorded not paid or not
    /// received since `since` without a final answer from Khalti: decided by a person,
    /// or "never received" after repeated "unknown reference". Khalti can still have
    /// taken the money; a contradiction flags the payment for a person. Once Khalti has
    /// answered, the payment stands against that answer and is not looked up again.
    public func checkDecidedPayments(since: Date) async -> LateAnswerReport {
        var report = LateAnswerReport()
        let candidates: [PaymentRecord]
        do {
            let finals = try await store.history(
                HistoryFilter(since: since, states: [.notPaid, .notReceived], khaltiEnvironment: khaltiEnvironment))
            var undecided: [PaymentRecord] = []
            for payment in finals where payment.attention == nil && payment.decidedAgainst == nil && isOwnAccount(payment) {
                if try await decidedWithoutKhalti(payment) { undecided.append(payment) }
            }
            candidates = undecided
        } catch {
            report.journalProblem = error.description
            return report
        }
        let answers = await lookUp(candidates.map(\.reference))
        for payment in candidates {
            switch answers[payment.reference] {
            case .success(let answer)?:
                do {
                    report.checked += 1
                    if let written = try await noteLateAnswer(answer, of: payment), written.attention != nil {
                        report.flagged.append(written.summary)
                    }
                } catch {
                    report.failures.append(LookupFailure(payment: payment.summary, problem: error.description, kind: .unavailable))
                }
            case .failure(let error)?:
                report.failures.append(LookupFailure(payment: payment.summary, problem: error.description, kind: error.kind))
            case nil:
                report.failures.append(LookupFailure(payment: payment.summary, problem: "Khalti's answer left this reference out.", kind: .unavailable))
            }
        }
        return report
    }

    /// Not received always is (silence, never an answer); not paid is when a person decided it.
    private func decidedWithoutKhalti(_ payment: PaymentRecord) async throws(JournalError) -> Bool {
        if payment.state == .notReceived { return true }
        return try await store.events(of: payment.reference).last { $0.to == .notPaid }?.actor != nil
    }
}

/// What `PaymentDesk.checkDecidedPayments` did.
public struct LateAnswerReport: Sendable {
    /// Payments Khalti answered about.
    public var checked = 0
    /// Those whose answer contradicts them: flagged for a person.
    public var flagged: [PaymentSummary] = []
    /// Lookups that failed: nothing written, looked up again next time.
    public var failures: [LookupFailure] = []
    public var journalProblem: String?

    public init() {}
}
