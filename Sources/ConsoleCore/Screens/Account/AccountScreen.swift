import ArrownetDomain
import Foundation

/// What Khalti's details call and the journal say about this customer.
public struct AccountLookup: Hashable, Sendable {
    public let account: Account
    /// This customer's payments from the journal, newest first is not required:
    /// the screen picks today's paid ones and the open ones itself.
    public let payments: [PaymentSummary]

    public init(account: Account, payments: [PaymentSummary]) {
        self.account = account
        self.payments = payments
    }
}

/// One plan as the clerk chooses it.
public struct PlanChoice: Hashable, Sendable {
    public let plan: Plan
    /// Against paying the monthly plan that many times; nil for the monthly plan.
    public let saving: Money?
    /// The digit that chooses it on the account screen.
    public let key: Character
    /// Service would run to this day after paying (an estimate to read back).
    public let newExpiry: Date

    public var pricePerMonth: Money { plan.pricePerMonth }

    /// The digit for a duration: its months, and `2` for twelve ("1-2"), because a
    /// single key must choose and `1` already means one month.
    public static func key(for duration: PlanDuration) -> Character {
        switch duration {
        case .oneMonth: "1"
        case .threeMonths: "3"
        case .sixMonths: "6"
        case .twelveMonths: "2"
        }
    }
}

/// The customer's account with the plans to choose from: details and plan
/// selection on one screen, so a payment needs no extra key to reach the plans.
public struct AccountScreen: Hashable, Sendable {
    public let account: Account
    public let lookedUpAt: Date
    /// The last day of the current service.
    public let serviceEnds: Date
    public let plans: [PlanChoice]
    public var highlighted: Int
    /// Why no plan can be chosen now; nil when one can.
    public let refusal: String?
    /// The latest payment that went through today for this customer.
    public let paidToday: PaymentSummary?
    /// A payment for this customer that is not settled yet (held, or interrupted).
    public let openPayment: PaymentSummary?
    /// A one-line remark about the last key (e.g. a digit with no plan).
    public var notice: String?
    /// The entry as it was, for Esc.
    public let entry: UsernameEntryScreen
    public let calendar: CounterCalendar
    /// Dates also in Bikram Sambat; nil: AD alone.
    public let bsCalendar: BikramSambatCalendar?

    public init(
        lookup: AccountLookup, lookedUpAt: Date, calendar: CounterCalendar, bsCalendar: BikramSambatCalendar? = .shipped,
        entry: UsernameEntryScreen
    ) {
        let account = lookup.account
        self.account = account
        self.lookedUpAt = lookedUpAt
        self.calendar = calendar
        self.bsCalendar = bsCalendar
        self.entry = entry
        serviceEnds = account.serviceEnds(today: lookedUpAt, calendar: calendar)
        plans = account.planComparisons.map { comparison in
            PlanChoice(
                plan: comparison.plan, saving: comparison.saving,
                key: PlanChoice.key(for: comparison.plan.duration),
                newExpiry: account.estimatedExpiry(after: comparison.plan.duration, today: lookedUpAt, calendar: calendar)
            )
        }
        highlighted = 0
        notice = nil
        paidToday = lookup.payments
            .filter { $0.state == .paid && calendar.isDate($0.updatedAt, inSameDayAs: lookedUpAt) }
            .max { $0.updatedAt < $1.updatedAt }
        openPayment = lookup.payments.filter(\.state.isOpen).max { $0.createdAt < $1.createdAt }
        refusal = Self.refusal(account: account, openPayment: openPayment, calendar: calendar, now: lookedUpAt)
    }

    /// Days remaining with the day they run to: "12 days, to 2082 Mangsir 23 (2025-12-09)".
    public var daysRemainingText: String {
        let days = account.daysRemaining
        let count = days == 1 ? "1 day" : "\(max(days, 0)) days"
        return "\(count), to \(ClerkDates.day(serviceEnds, in: calendar, bs: bsCalendar))"
    }

    /// The highlighted plan's new expiry in both calendars: "2083 Falgun 22 (2027-03-06)".
    public var newExpiryText: String? {
        guard let plan = highlightedPlan, refusal == nil else { return nil }
        return ClerkDates.day(plan.newExpiry, in: calendar, bs: bsCalendar)
    }

    /// The warning shown when this customer already paid today, else nil.
    public var paidTodayWarning: String? {
        guard let paid = paidToday else { return nil }
        return "Already paid today at \(ClerkDates.time(paid.updatedAt, in: calendar)): "
            + "\(paid.amount.formatted) for \(paid.duration.label) (\(paid.operatorName), \(paid.counter)). "
            + "Make sure the customer means to pay again."
    }

    /// The open payment, said as a sentence, else nil.
    public var openPaymentWarning: String? {
        guard let open = openPayment else { return nil }
        return Self.openPaymentSentence(open, calendar: calendar, now: lookedUpAt)
    }

    public var highlightedPlan: PlanChoice? { plans.indices.contains(highlighted) ? plans[highlighted] : nil }

    public func plan(for duration: PlanDuration) -> PlanChoice? { plans.first { $0.plan.duration == duration } }

    private static func refusal(account: Account, openPayment: PaymentSummary?, calendar: CounterCalendar, now: Date) -> String? {
        // A second payment while one is unsettled could pay twice: settle it first.
        if let openPayment {
            return openPaymentSentence(openPayment, calendar: calendar, now: now)
                + " Settle it before taking another payment: F5 lists held payments, l looks them up now."
        }
        if case .refused(let reason) = account.payability { return reason }
        return nil
    }

    /// An unsettled payment as a sentence, naming who took it where (on a shared
    /// journal it may be another counter's); also what the console says when the desk
    /// finds one that appeared after the lookup.
    public static func openPaymentSentence(_ payment: PaymentSummary, calendar: CounterCalendar, now: Date) -> String {
        "A payment of \(payment.amount.formatted) for \(payment.duration.label) taken at "
            + "\(ClerkDates.timeOrDayAndTime(payment.createdAt, relativeTo: now, in: calendar)) "
            + "(\(payment.operatorName), \(payment.counter)) is not settled "
            + "(\(payment.state.label), reference \(payment.reference.value))."
    }
}

extension AccountScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .account(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .account(self) }
}
