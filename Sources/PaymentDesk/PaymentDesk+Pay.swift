import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Takes one payment: the intent is written durably (`prepared`), then marked
    /// `sending`, then sent once, then Khalti's answer (or its absence) is recorded.
    /// If the journal cannot be written, nothing is sent. Nothing is ever resent: a
    /// payment without a clear answer is held and looked up by `reconcile`.
    ///
    /// `account` and `plan` come from the details answer the clerk read back to the
    /// customer; the amount sent is the plan's, exactly.
    public func pay(
        account: Account, plan: Plan, counter: String, operator operatorName: String, confirmDuplicateToday: Bool
    ) async -> PaymentOutcome {
        guard account.plan(for: plan.duration) == plan else {
            return .refused("Arrownet does not offer \(plan.duration.label) at \(plan.amount.formatted) to this customer; look the customer up again.")
        }
        if case .refused(let reason) = account.payability { return .refused(reason) }

        if !confirmDuplicateToday {
            do {
                let today = try await paidToday(account.username)
                if !today.isEmpty { return .needsSecondConfirmation(paidToday: today) }
            } catch {
                return .notSent(error.description)
            }
        }

        let intent = PaymentIntent(
            reference: references.next(), khaltiEnvironment: khaltiEnvironment, username: account.username,
            customerName: gateway.scrub(account.fullName), plan: plan, counter: counter, operatorName: operatorName, createdAt: clock())
        do {
            switch try await journal.prepare(intent) {
            case .blocked(let open): return .blockedByOpenPayment(open.summary)
            case .prepared: break
            }
        } catch {
            return .notSent(error.description)
        }

        await hooks.afterIntentWritten(intent.reference)

        let sending: PaymentRecord
        do {
            sending = try await journal.markSending(intent.reference, at: clock())
        } catch {
            // Either the journal failed (the intent stays prepared and is abandoned at the
            // next start) or recovery abandoned it: in both cases nothing may leave.
            if case .transitionRefused = error, let abandoned = try? await journal.payment(intent.reference) {
                return .notPaid(abandoned.summary, reason: "Another counter's start-up recovery cancelled this payment before it was sent; nothing was paid. Take the payment again.")
            }
            return .notSent(error.description)
        }

        let result = await gateway.pay(PaymentRequest(username: account.username, plan: plan, reference: intent.reference))
        return await record(result, of: sending)
    }

    /// Writes Khalti's answer and turns it into the clerk's outcome.
    private func record(_ result: PaymentResult, of sending: PaymentRecord) async -> PaymentOutcome {
        let evidence = scrubbed(PaymentWords.evidence(for: result, username: sending.username))
        let sentAt = sending.sentAt ?? sending.createdAt
        let (state, nextLookup): (PaymentState, Date?) = switch result.verdict {
        case .paid: (.paid, nil)
        case .notPaid: (.notPaid, nil)
        case .held(_, let seconds):
            // The policy's 0 means "look it up at once" (HTTP 400); otherwise the desk's delay.
            (.held, sentAt.addingTimeInterval(seconds == 0 ? 0 : rules.firstLookupDelay))
        }
        let recorded: PaymentRecord
        do {
            recorded = try await journal.recordAnswer(
                sending.reference, becomes: state, evidence: evidence, transactionID: result.transactionID.map(gateway.scrub),
                nextLookupAt: nextLookup, at: clock())
        } catch {
            // The answer is known but not written: the payment stays `sending`, which
            // recovery holds and looks up. Holding the cash is right whatever Khalti said.
            return .held(sending.summary, reason: "\(evidence.note) The answer could not be written to the journal (\(error.description)); the payment will be looked up.")
        }
        switch recorded.state {
        case .paid: return .paid(recorded.summary)
        case .notPaid, .notReceived, .abandoned: return .notPaid(recorded.summary, reason: evidence.note)
        case .held, .prepared, .sending: return .held(recorded.summary, reason: evidence.note)
        }
    }
}
