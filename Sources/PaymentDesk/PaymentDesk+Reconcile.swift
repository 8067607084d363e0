import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Recovers what a process now gone left behind, then looks up the held payments of
    /// this Khalti that `schedule` allows and records what Khalti says: `.due` follows
    /// the backoff (the console's background task, `reconcile`); `.pastFirstLookup` asks
    /// about every payment past Khalti's five minutes (the console's `l`); `.all` about
    /// every one (support's `reconcile --now`). The window for "unknown reference"
    /// always applies, since only time lets a late request land.
    ///
    /// Never sends a payment. Each payment is claimed first, so several consoles on one
    /// journal never look the same one up twice. A lookup that fails changes nothing. An
    /// answer that disagrees with the journal flags the payment for a person.
    public func reconcile(schedule: LookupSchedule = .due) async -> ReconcileReport {
        var report = ReconcileReport()
        let now = clock()
        let due: [PaymentRecord]
        do {
            // A process that died while this one runs left these behind.
            let stranded = try await store.recoverStranded(
                at: now, lookupDelay: rules.firstLookupDelay, cutoff: now.addingTimeInterval(-rules.strandedAfter), counter: nil)
            report.recovered = stranded.map(Self.change)
            due = try await store.claimLookups(
                in: khaltiEnvironment, account: khaltiAccount, at: now, schedule: schedule, claimUntil: now.addingTimeInterval(rules.lookupClaim))
        } catch {
            report.journalProblem = error.description
            return report
        }
        let answers = await lookUp(due.map(\.reference))
        var unanswered: [PaymentReference] = []
        for payment in due {
            let failure: (String, ErrorKind)
            switch answers[payment.reference] {
            case .success(let answer)?:
                switch await record(answer, for: payment, at: now) {
                case .written(let written, let note):
                    if written.state != .held || written.attention != nil {
                        report.changes.append(PaymentChange(before: payment.state, after: written.summary, note: note))
                    } else {
                        report.stillHeld.append(written.summary)
                    }
                    continue
                case .settledElsewhere:
                    continue
                case .notWritten(let error):
                    failure = (error.description, .unavailable)
                }
            case .failure(let error)?:
                failure = (error.description, error.kind)
            case nil:
                failure = ("Khalti's answer left this reference out.", .unavailable)
            }
            report.failures.append(LookupFailure(payment: payment.summary, problem: failure.0, kind: failure.1))
            unanswered.append(payment.reference)
        }
        // Let another console try them at once rather than when the claim runs out.
        try? await store.releaseClaims(unanswered)
        await checkDecided(since: calendar.startOfDay(for: now), into: &report)
        await listWaiting(asked: Set(due.map(\.reference)), at: now, into: &report)
        return report
    }

    /// Today's payments decided not paid or not received without Khalti's final answer,
    /// looked up once (`checkDecidedPayments`): a contradiction is a change (flagged).
    private func checkDecided(since: Date, into report: inout ReconcileReport) async {
        let late = await checkDecidedPayments(since: since)
        if let problem = late.journalProblem {
            report.journalProblem = problem
            return
        }
        report.changes += late.flagged.map { PaymentChange(before: $0.state, after: $0, note: $0.attention ?? "") }
        report.failures += late.failures
    }

    /// The held payments this run did not ask about, and why: not yet due (with when),
    /// waiting for a person, or sent to another Khalti or through another Khalti account
    /// (whose token this desk does not hold: Khalti would answer "unknown reference").
    private func listWaiting(asked: Set<PaymentReference>, at now: Date, into report: inout ReconcileReport) async {
        guard let held = try? await store.heldPayments(in: nil) else { return }
        let settled = Set(report.changes.map(\.after.reference))
        for payment in held where !asked.contains(payment.reference) && !settled.contains(payment.reference) {
            if payment.khaltiEnvironment != khaltiEnvironment || !isOwnAccount(payment) {
                report.elsewhere.append(payment.summary)
            } else if payment.attention != nil {
                report.waitingForPerson.append(payment.summary)
            } else {
                report.notYetDue.append(payment.summary)
            }
        }
    }

    /// Whether this desk's token may look the payment up: it went through this account,
    /// or it is from before accounts were recorded (the first claim makes it this one's).
    public func isOwnAccount(_ payment: PaymentRecord) -> Bool {
        payment.khaltiAccount == nil || payment.khaltiAccount == khaltiAccount
    }

    /// Bulk lookups in chunks, then single lookups for what a bulk answer left out.
    /// A bulk call that fails leaves its references failed, not retried one by one:
    /// a Khalti that is down would only fail each of them again, slowly.
    func lookUp(_ references: [PaymentReference]) async -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        var results: [PaymentReference: Result<LookupAnswer, KhaltiError>] = [:]
        var start = 0
        while start < references.count {
            let chunk = Array(references[start..<min(start + rules.bulkLookupLimit, references.count)])
            start += chunk.count
            var missing = chunk
            if chunk.count > 1 {
                do {
                    let answers = try await gateway.lookUpMany(chunk)
                    for reference in chunk { results[reference] = answers[reference] }
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

    /// What recording one lookup did.
    enum RecordedLookup {
        case written(PaymentRecord, note: String)
        /// Someone else resolved it between our read and our write: nothing written.
        case settledElsewhere
        case notWritten(JournalError)
    }

    /// Decides what one answer means for one held payment and writes it.
    func record(_ answer: LookupAnswer, for payment: PaymentRecord, at now: Date) async -> RecordedLookup {
        let (finding, note) = finding(for: answer, about: payment, at: now)
        let evidence = scrubbed(PaymentWords.lookupEvidence(answer, note: note))
        do {
            guard let written = try await store.recordLookup(payment.reference, found: finding, evidence: evidence, at: now) else {
                // Decided meanwhile (by a person): what Khalti says is still recorded, and
                // flags the payment when it contradicts the decision.
                if let settled = try await store.payment(payment.reference),
                   let flagged = try await noteLateAnswer(answer, of: settled), let problem = flagged.attention {
                    return .written(flagged, note: problem)
                }
                return .settledElsewhere
            }
            return .written(written, note: evidence.note)
        } catch {
            return .notWritten(error)
        }
    }

    private func finding(for answer: LookupAnswer, about payment: PaymentRecord, at now: Date) -> (LookupFinding, String) {
        let next = now.addingTimeInterval(rules.interval(afterLookups: payment.lookupCount + 1))
        switch LookupPolicy.verdict(for: answer, expectedAmount: payment.amount) {
        case .paid(let transactionID):
            return (.resolved(.paid, transactionID: transactionID.map(gateway.scrub)), "Lookup: Khalti says paid.")
        case .notPaid(let reason):
            return (.resolved(.notPaid, transactionID: nil), "Lookup: \(PaymentSentences.notPaid(reason))")
        case .stillPending:
            return (.stillPending(nextLookupAt: next), "Lookup: still pending at Khalti; next lookup later.")
        case .unknownToKhalti:
            if payment.refusedByKhalti {
                // Khalti answered the payment with a refusal: nothing can land later.
                return (.resolved(.notPaid, transactionID: nil), "Lookup: \(PaymentSentences.notPaid(.refusedByKhalti))")
            }
            let unknowns = payment.unknownReferenceLookups + 1
            let sent = payment.sentAt ?? payment.createdAt
            if unknowns >= rules.unknownReferenceLookups && now >= sent.addingTimeInterval(rules.unknownReferenceWindow) {
                return (.resolved(.notReceived, transactionID: nil),
                        "Lookup: Khalti has never received this payment (\(unknowns) lookups over \(Self.minutes(now.timeIntervalSince(sent)))).")
            }
            return (.unknownToKhalti(nextLookupAt: next),
                    "Lookup: Khalti does not know this reference yet (\(min(unknowns, rules.unknownReferenceLookups)) of "
                        + "\(rules.unknownReferenceLookups) such answers, over at least \(Self.minutes(rules.unknownReferenceWindow)) "
                        + "after sending); a late request can still land.")
        case .needsAttention(let problem):
            return (.needsAttention(gateway.scrub(problem), answer: LateAnswer.canonical(answer)), "Lookup disagrees with the journal; a person must decide: \(problem)")
        }
    }

    static func minutes(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds / 60)
        return whole == 1 ? "1 minute" : "\(whole) minutes"
    }
}
