import Foundation

/// An Arrownet customer as Khalti's details call describes them.
public struct Account: Hashable, Sendable {
    public let username: Username
    public let fullName: String
    public let currentPlan: String
    public let daysRemaining: Int
    public let hasDue: Bool
    public let acceptsAdvancePayment: Bool
    /// Sorted by duration, one per duration.
    public let plans: [Plan]

    public init(
        username: Username, fullName: String, currentPlan: String, daysRemaining: Int,
        hasDue: Bool, acceptsAdvancePayment: Bool, plans: [Plan]
    ) {
        self.username = username
        self.fullName = fullName
        self.currentPlan = currentPlan
        self.daysRemaining = daysRemaining
        self.hasDue = hasDue
        self.acceptsAdvancePayment = acceptsAdvancePayment
        var byDuration: [PlanDuration: Plan] = [:]
        for plan in plans where byDuration[plan.duration] == nil { byDuration[plan.duration] = plan }
        self.plans = byDuration.values.sorted { $0.duration < $1.duration }
    }

    public func plan(for duration: PlanDuration) -> Plan? {
        plans.first { $0.duration == duration }
    }

    /// Each plan with its saving against the monthly plan.
    public var planComparisons: [PlanComparison] {
        let monthly = plan(for: .oneMonth)
        return plans.map { PlanComparison(plan: $0, monthly: monthly) }
    }

    /// Whether the counter may take a payment now. Arrownet takes a payment when
    /// something is due, or in advance when the account accepts advance payment.
    public var payability: Payability {
        if plans.isEmpty { return .refused(reason: "Arrownet offers no plan for this customer.") }
        if hasDue || acceptsAdvancePayment { return .allowed }
        return .refused(
            reason: "Nothing is due and this account does not accept advance payment; "
                + "the customer can pay when the current plan ends."
        )
    }

    /// The last day of service: today plus the days remaining.
    public func serviceEnds(today: Date, calendar: CounterCalendar) -> Date {
        calendar.start(of: lastDayOfService(today: calendar.day(of: today)))
    }

    /// The same as a calendar day, for a report in any time zone.
    public func lastDayOfService(today: CivilDay) -> CivilDay {
        today.adding(days: max(daysRemaining, 0))
    }

    /// When service would run to after buying `duration`: added to the current end
    /// while days remain, else from today. An estimate for reading back to the
    /// customer; Arrownet's own record decides.
    public func estimatedExpiry(after duration: PlanDuration, today: Date, calendar: CounterCalendar) -> Date {
        let start = serviceEnds(today: today, calendar: calendar)
        return calendar.adding(months: duration.months, to: start)
    }
}

public enum Payability: Hashable, Sendable {
    case allowed
    case refused(reason: String)
}
