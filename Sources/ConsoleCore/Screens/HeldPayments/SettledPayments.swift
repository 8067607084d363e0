import ArrownetDomain

/// Held payments a lookup settled, in the background or with `l`: a notice for each of
/// this counter's (what the clerk does with the cash), and the receipt of a paid one
/// printed as a payment's receipt is. Other counters' payments on the same journal
/// only change the held count: their cash is in another drawer.
enum SettledPayments {
    static let printing = " - printing the receipt"

    static func announce(_ settled: [SettledPayment], state: inout ConsoleState) -> [ConsoleEffect] {
        // Nothing changes under a clerk serving a customer: the news waits for the next screen.
        let showNow = !state.screen.kind.servesCustomer
        var effects: [ConsoleEffect] = []
        for change in settled where change.payment.counter == state.header.counter {
            let payment = change.payment
            let name = payment.username.value
            if payment.attention != nil, payment.state == .notPaid || payment.state == .notReceived {
                // Its cash may be back with the customer already: nothing to keep aside.
                state.notices.add(Notice(
                    "\(name): NEEDS A PERSON - Khalti contradicts \(payment.state.label); see F5", tone: .warning,
                    reference: payment.reference), showNow: showNow)
                continue
            }
            if payment.attention != nil {
                state.notices.add(Notice(
                    "\(name): NEEDS A PERSON - keep \(payment.amount.formatted) aside; see F5", tone: .warning,
                    reference: payment.reference), showNow: showNow)
                continue
            }
            switch payment.state {
            case .paid:
                state.notices.add(Notice("\(name): now PAID\(printing)", tone: .good, reference: payment.reference), showNow: showNow)
                // The account was not looked up again: the receipt leaves the new expiry to Arrownet.
                effects.append(.printSettledReceipt(Receipt(payment: payment, newExpiry: nil, environment: state.header.environment)))
            case .notPaid, .notReceived, .abandoned:
                state.notices.add(Notice(
                    "\(name): \(payment.state.label) - give back \(payment.amount.formatted)", tone: .bad, reference: payment.reference),
                    showNow: showNow)
            case .held, .sending, .prepared:
                continue
            }
        }
        return effects
    }

    /// The printer's answer for a settled payment's receipt, said in its notice.
    static func receiptPrinted(_ reference: PaymentReference, _ result: Result<String, ConsoleError>, state: inout ConsoleState) {
        let outcome: String
        switch result {
        case .success:
            state.printedReceipts.insert(reference)
            outcome = " - receipt printed"
        case .failure(let error):
            outcome = " - receipt NOT printed (\(error.reason)); F5, then p prints it"
        }
        let noted = state.notices.update(reference) { text in
            text.hasSuffix(printing) ? String(text.dropLast(printing.count)) + outcome : text
        }
        // Its notice is gone (seen, and the clerk moved on): a failure is still said.
        if !noted, case .failure(let error) = result {
            state.statusMessage = "The receipt of \(reference.value) (now PAID) was not printed: \(error.reason) F5, then p prints it."
        }
    }
}
