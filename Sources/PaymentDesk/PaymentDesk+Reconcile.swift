import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Looks up the held payments that are due and records what Khalti says. With
    /// `force`, every held payment is due (support's `reconcile --now`); the 002 window
    /// still applies, since only time lets a late request land.
    ///
    /// Never sends a payment. A lookup that fails changes nothing. An answer that
    /// disagrees with the journal flags the payment for a person and is not resolved.
    public func reconcile(force: Bool = false) async -> ReconcileReport {
        var report = ReconcileReport()
        let now = clock()
        let due: [PaymentRecord]
        do {
            // A process that died while this one runs left these behind.
            let stranded = try await journal.recoverInterruptedPayments(
                at: now, lookupDelay: rules.firstLookupDelay, leftBefore: now.addingTimeInterval(-rules.strandedAfter))
            report.recovered = stranded.map(Self.change)
            due = try await journal.dueForLookup(in: khaltiEnvironment, at: now, ignoringDelay: force)
        } catch {
            report.journalProblem = error.description
            return report
        }
        let answers = await lookUp(due.map(\.reference))
        for payment in due {
            switch answers[payment.reference] {
            case .success(let answer)?:
                await record(answer, for: payment, at: now, into: &report)
            case .failure(let error)?:
                report.failures.append(LookupFailure(payment: payment.summary, problem: error.description, kind: error.kind))
            case nil:
                report.failures.append(LookupFailure(payment: payment.summary, problem: "Khalti's answer left this reference out.", kind: .unavailable))
            }
        }
        return report
    }

    /// Bulk lookups in chunks, then single lookups for what a bulk answer left out.
    /// A bulk call that fails leaves its references failed, not retried one by one:
    /// a Khalti that is down would only fail each of them again, slowly.
    private func lookUp(_ references: [PaymentReference]) async -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        var results: [PaymentReference: Result<LookupAnswer, KhaltiError>] = [:]
        var start = 0
        while start < references.count {
            let chunk = Array(references[start..<min(start + rules.bulkLookupLimit, references.count)])
            start += chunk.count
            var missing = chunk
            if chunk.count > 1 {
                do {
                    let answers = try await gateway.lookUpMany(chunk)
                    for (reference, answer) in answers where chunk.contains(reference) { results[reference] = .success(answer) }
                    missing = chunk.filter { answers[$0] == nil }
                } catch {
                    for reference in chunk { results[reference] = .failure(error) }
                    missing = []
                }
            }
            for reference in missing {
                do {
                    results[reference] = .success(try await gateway.lookUp(reference))
                } catch {
                    results[reference] = .failure(error)
                }
            }
        }
        return results
    }

    /// Decides what one answer means for one held payment and writes it.
    private func record(_ answer: LookupAnswer, for payment: PaymentRecord, at now: Date, into report: inout ReconcileReport) async {
        let lookups = payment.lookupCount + 1
        let next = now.addingTimeInterval(rules.interval(afterLookups: lookups))
        let finding: LookupFinding
        let note: String
        switch LookupPolicy.verdict(for: answer, expectedAmount: payment.amount) {
        case .paid(let transactionID):
            finding = .resolved(.paid, transactionID: transactionID.map(gateway.scrub))
            note = "Lookup: Khalti says paid."
        case .notPaid(let reason):
            finding = .resolved(.notPaid, transactionID: nil)
            note = "Lookup: \(PaymentSentences.notPaid(reason))"
        case .stillPending:
            finding = .stillPending(nextLookupAt: next)
            note = "Lookup: still pending at Khalti; next lookup later."
        case .unknownToKhalti:
            let unknowns = payment.unknownReferenceLookups + 1
            let sent = payment.sentAt ?? payment.createdAt
            let windowOver = now >= sent.addingTimeInterval(rules.unknownReferenceWindow)
            if unknowns >= rules.unknownReferenceLookups && windowOver {
                finding = .resolved(.notReceived, transactionID: nil)
                note = "Lookup: Khalti has never received this payment (\(unknowns) lookups over \(Self.minutes(now.timeIntervalSince(sent))))."
            } else {
                finding = .unknownToKhalti(nextLookupAt: next)
                note = "Lookup: Khalti does not know this reference yet (\(unknowns) of \(rules.unknownReferenceLookups) such answers, "
                    + "over at least \(Self.minutes(rules.unknownReferenceWindow)) after sending); a late request can still land."
            }
        case .needsAttention(let problem):
            finding = .needsAttention(gateway.scrub(problem))
            note = "Lookup disagrees with the journal; a person must decide: \(problem)"
        }
        let evidence = scrubbed(PaymentWords.lookupEvidence(answer, note: note))
        let written: PaymentRecord?
        do {
            written = try await journal.recordLookup(payment.reference, found: finding, evidence: evidence, at: now)
        } catch {
            report.failures.append(LookupFailure(payment: payment.summary, problem: error.description, kind: .unavailable))
            return
        }
        // nil: another counter resolved it between our read and our write.
        guard let written else { return }
        if written.state != .held || written.attention != nil {
            report.changes.append(PaymentChange(before: payment.state, after: written.summary, note: note))
        } else {
            report.stillHeld.append(written.summary)
        }
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds / 60)
        return whole == 1 ? "1 minute" : "\(whole) minutes"
    }
}
