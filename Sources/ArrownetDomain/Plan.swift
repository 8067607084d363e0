/// The lengths Arrownet sells, in months. The wire sends the bare number.
public enum PlanDuration: Int, CaseIterable, Comparable, Sendable, Codable {
    case oneMonth = 1
    case threeMonths = 3
    case sixMonths = 6
    case twelveMonths = 12

    public var months: Int { rawValue }

    public static func < (lhs: PlanDuration, rhs: PlanDuration) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String { months == 1 ? "1 month" : "\(months) months" }
}

/// One plan offered to a customer: a duration and what it costs.
public struct Plan: Hashable, Sendable {
    public let duration: PlanDuration
    public let amount: Money

    public init(duration: PlanDuration, amount: Money) {
        self.duration = duration
        self.amount = amount
    }

    /// Price per month, rounded half up to the paisa (display only; never sent).
    public var pricePerMonth: Money {
        let months = Int64(duration.months)
        return Money(paisa: (amount.paisa * 2 + months) / (months * 2))
    }
}

/// What a multi-month plan saves against paying the monthly plan that many times.
public struct PlanComparison: Hashable, Sendable {
    public let plan: Plan
    /// nil when there is no monthly plan to compare with.
    public let saving: Money?

    public init(plan: Plan, monthly: Plan?) {
        self.plan = plan
        if let monthly, plan.duration != .oneMonth {
            saving = monthly.amount * Int64(plan.duration.months) - plan.amount
        } else {
            saving = nil
        }
    }
}
