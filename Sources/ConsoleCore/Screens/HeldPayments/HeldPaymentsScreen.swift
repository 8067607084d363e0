import ArrownetDomain
import Foundation

/// Payments not settled yet, and the ones a lookup just settled, so the clerk
/// sees what became of each before they leave the list.
public struct HeldPaymentsScreen: Hashable, Sendable {
    public var payments: [PaymentSummary]
    public var selected: Int
    public var showsDetails: Bool
    /// The journal's list is being read.
    public var isLoading: Bool
    /// A lookup is in flight; `l` is ignored until it answers.
    public var isLookingUp: Bool
    /// The last lookup failed.
    public var lookupError: ConsoleError?
    public var notice: String?
    public let calendar: CounterCalendar

    public init(payments: [PaymentSummary], calendar: CounterCalendar) {
        self.payments = payments
        self.calendar = calendar
        selected = 0
        showsDetails = false
        isLoading = false
        isLookingUp = false
        lookupError = nil
        notice = nil
    }

    public var selectedPayment: PaymentSummary? { payments.indices.contains(selected) ? payments[selected] : nil }

    /// The references worth looking up: those still open and not waiting for a person.
    public var openReferences: [PaymentReference] {
        payments.filter { $0.state.isOpen && $0.attention == nil }.map(\.reference)
    }

    /// What the clerk does about one payment, as a sentence.
    public func advice(for payment: PaymentSummary, now: Date) -> String {
        if let attention = payment.attention, payment.state == .notPaid || payment.state == .notReceived {
            // Final already (the cash may be back with the customer): Khalti's later answer contradicts it.
            let facts = attention.hasSuffix(".") ? attention : attention + "."
            return "NEEDS A PERSON: \(facts) It stays \(payment.state.label) until a supervisor checks with Khalti and "
                + "records the decision (arrownet resolve \(payment.reference.value) --paid or --not-paid)."
        }
        if let attention = payment.attention {
            return "NEEDS A PERSON: \(attention) It is no longer looked up by itself. Keep the cash aside: a supervisor "
                + "checks with Khalti and records the decision (arrownet resolve \(payment.reference.value) --paid or --not-paid)."
        }
        switch payment.state {
        case .paid:
            return "Paid. \(payment.state.cashInstruction) p prints it."
        case .held, .sending, .prepared:
            let next = payment.nextLookupAt.map {
                " Next lookup at \(ClerkDates.timeOrDayAndTime($0, relativeTo: now, in: calendar)), by itself; "
                    + "l looks up now those past Khalti's five minutes."
            } ?? " l looks it up now."
            return "\(payment.state.cashInstruction)\(next)"
        case .notPaid:
            return "Not paid. \(payment.state.cashInstruction)"
        case .notReceived:
            return "Khalti never received it. \(payment.state.cashInstruction)"
        case .abandoned:
            return "Never sent. \(payment.state.cashInstruction)"
        }
    }

    /// The selected payment in full, for the details pane.
    public func details(of payment: PaymentSummary, now: Date) -> [ReadBackLine] {
        var lines = [
            ReadBackLine(label: "State", value: payment.state.label),
            ReadBackLine(label: "Username", value: payment.username.value),
            ReadBackLine(label: "Name", value: payment.customerName),
            ReadBackLine(label: "Plan", value: payment.duration.label),
            ReadBackLine(label: "Amount", value: payment.amount.formatted),
            ReadBackLine(label: "Taken", value: ClerkDates.dayAndTime(payment.createdAt, in: calendar)),
            ReadBackLine(label: "Counter", value: "\(payment.counter), \(payment.operatorName)"),
            ReadBackLine(label: "Reference", value: payment.reference.value),
            ReadBackLine(label: "Lookups", value: String(payment.lookupCount)),
        ]
        if let transaction = payment.transactionID {
            lines.append(ReadBackLine(label: "Khalti transaction", value: transaction))
        }
        if let next = payment.nextLookupAt, payment.state.isOpen {
            lines.append(ReadBackLine(label: "Next lookup", value: ClerkDates.dayAndTime(next, in: calendar)))
        }
        lines.append(ReadBackLine(label: "What to do", value: advice(for: payment, now: now)))
        return lines
    }
}

extension HeldPaymentsScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .heldPayments(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .heldPayments(self) }
}
