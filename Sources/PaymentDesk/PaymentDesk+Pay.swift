import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Takes one payment: the intent is written durably (`prepared`), then marked
    /// `sending`, then sent once, then Khalti's answer (or its absence) is recorded.
    /// If the journal cannot be written, nothing is sent. Nothing is ever resent: a
    /// payment without a clear answer is held and looked up by reconciliation.
    ///
    /// `account` and `plan` come from the details answer the clerk read back to the
    /// customer; the amount sent is the plan's, exactly. A payment for this customer
    /// paid since `unseenSince` was not shown to whoever confirmed, so it stops this one
    /// (`.needsSecondConfirmation`): pass the start of today (`startOfToday()`) unless the
    /// clerk was shown today's payments and confirmed again, then the moment they were read.
    /// That check and the intent are one journal transaction, so of two counters paying
    /// one customer at once exactly one sends.
    public func pay(
        account: Account, plan: Plan, counter: String, operator operatorName: String, unseenSince: Date
    ) async -> PaymentOutcome {
        await pay(account: account, plan: plan, counter: counter, operator: operatorName, unseen: .createdSince(unseenSince))
    }

    /// `pay` with the paid payments the clerk was not shown named by the journal itself:
    /// `.paidAfter(position)` with the position taken when the customer's payments were
    /// read (`journalPosition()`), so no counter's clock decides what was "since".
    public func pay(
        account: Account, plan: Plan, counter: String, operator operatorName: String, unseen: UnseenPayments
    ) async -> PaymentOutcome {
        guard account.plan(for: plan.duration) == plan else {
            return .refused("Arrownet does not offer \(plan.duration.label) at \(plan.amount.formatted) to this customer; look the customer up again.")
        }
        if case .refused(let reason) = account.payability { return .refused(reason) }

        let intent = PaymentIntent(
            reference: references.next(), khaltiEnvironment: khaltiEnvironment, username: account.username,
            customerName: gateway.scrub(account.fullName), plan: plan, counter: counter, operatorName: operatorName, createdAt: clock(),
            khaltiAccount: khaltiAccount)
        do {
            switch try await store.prepare(intent, refusing: unseen) {
            case .blocked(let open): return .blockedByOpenPayment(open.summary)
            case .paidAlready(let paid): return .needsSecondConfirmation(paidToday: paid.map(\.summary))
            case .noOpenShift: return .noOpenShift(counter: counter)
            case .prepared: break
            }
        } catch {
            return .notSent(error.description)
        }

        await hooks.afterIntentWritten(intent.reference)

        let sending: PaymentRecord
        do {
            sending = try await store.markSending(intent.reference, at: clock())
        } catch {
            // Either the journal failed (the intent stays prepared and is abandoned once
            // this process is gone) or recovery abandoned it: in both cases nothing may leave.
            if case .transitionRefused = error, let abandoned = try? await store.payment(intent.reference) {
                return .notPaid(abandoned.summary, reason: "This payment was cancelled by recovery before it was sent; nothing was paid. Take the payment again.")
            }
            return .notSent(error.description)
        }

        let result = await gateway.pay(PaymentRequest(username: account.username, plan: plan, reference: intent.reference))
        let outcome = await record(result, of: sending)
        guard case .held(let held, _) = outcome, case .held(.refused(_, let code), _) = result.verdict else { return outcome }
        return await confirmRefusal(held, code: code, khaltiWords: result.refusal?.details ?? result.message, fallback: outcome)
    }

    /// Writes Khalti's answer and turns it into the clerk's outcome.
    private func record(_ result: PaymentResult, of sending: PaymentRecord) async -> PaymentOutcome {
        let evidence = scrubbed(PaymentWords.evidence(for: result, username: sending.username))
        let sentAt = sending.sentAt ?? sending.createdAt
        let answer: RecordedAnswer = switch result.verdict {
        case .paid:
            RecordedAnswer(state: .paid, evidence: evidence, transactionID: result.transactionID.map(gateway.scrub), firstLookupAt: nil)
        case .notPaid:
            RecordedAnswer(state: .notPaid, evidence: evidence, transactionID: result.transactionID.map(gateway.scrub), firstLookupAt: nil)
        case .held(let reason, let seconds):
            // The policy's 0 means "look it up at once" (a 400, a refusal); otherwise the desk's delay.
            RecordedAnswer(
                state: .held, evidence: evidence, transactionID: result.transactionID.map(gateway.scrub),
                firstLookupAt: sentAt.addingTimeInterval(seconds == 0 ? 0 : rules.firstLookupDelay),
                refusedByKhalti: { if case .refused = reason { true } else { false } }())
        }
        let recorded: PaymentRecord
        do {
            recorded = try await store.recordAnswer(answer, of: sending.reference, at: clock())
        } catch {
            // The answer is known but not written: the payment stays `sending`, which
            // recovery holds and looks up. Holding the cash is right whatever Khalti said.
            return .held(sending.summary, reason: "\(evidence.note) The answer could not be written to the journal (\(error.description)); the payment will be looked up.")
        }
        return Self.outcome(of: recorded, reason: evidence.note)
    }

    /// A payment Khalti refused with an answer cannot land later: one lookup that finds
    /// no payment with its reference settles it as not paid while the customer is still
    /// at the counter. If the lookup fails or finds it, reconciliation carries on as usual.
    private func confirmRefusal(
        _ held: PaymentSummary, code: KhaltiErrorCode, khaltiWords: String?, fallback: PaymentOutcome
    ) async -> PaymentOutcome {
        guard let current = try? await store.payment(held.reference), current.state == .held else { return fallback }
        let now = clock()
        let answer: LookupAnswer
        do {
            answer = try await gateway.lookUp(held.reference)
        } catch {
            return fallback
        }
        guard case .written(let written, _) = await record(answer, for: current, at: now) else { return fallback }
        guard written.state == .notPaid else { return Self.outcome(of: written, reason: lastNote(fallback)) }
        // Too little balance: the clerk needs the figure to ask for the right top-up.
        let balance = code == .insufficientCredits ? try? await gateway.balance() : nil
        return Self.outcome(of: written, reason: PaymentSentences.refusedByKhalti(code: code, khaltiWords: khaltiWords, balance: balance))
    }

    private func lastNote(_ outcome: PaymentOutcome) -> String {
        switch outcome {
        case .held(_, let reason), .notPaid(_, let reason): reason
        default: ""
        }
    }

    /// The clerk's outcome for a payment as the journal has it.
    static func outcome(of record: PaymentRecord, reason: String) -> PaymentOutcome {
        switch record.state {
        case .paid: .paid(record.summary)
        case .notPaid, .notReceived, .abandoned: .notPaid(record.summary, reason: reason)
        case .held, .prepared, .sending: .held(record.summary, reason: reason)
        }
    }
}
