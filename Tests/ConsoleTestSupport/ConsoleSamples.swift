import ArrownetDomain
import Foundation

/// The customer, plans and moment the console's tests share: Pradhanang and his four
/// plans, on 2025-11-27 at 10:00 in Kathmandu. Each test target extends this with the
/// payments and states of its own layer.
public enum ConsoleSamples {
    public static let calendar = CounterCalendar.nepal

    /// 2025-11-27 10:00 in Kathmandu.
    public static let morning = calendar.date(CivilDay(year: 2025, month: 11, day: 27), hour: 10)

    public static func username(_ text: String = "Pradhanang") -> Username { try! Username(text) }

    public static let plans = [
        Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
        Plan(duration: .threeMonths, amount: Money(paisa: 508_500)),
        Plan(duration: .sixMonths, amount: Money(paisa: 949_200)),
        Plan(duration: .twelveMonths, amount: Money(paisa: 1_762_800)),
    ]

    public static func account(
        _ name: String = "Pradhanang", fullName: String = "Ashish Pradhanang - Home", days: Int = 12,
        due: Bool = false, advance: Bool = true, plans: [Plan] = plans
    ) -> Account {
        Account(
            username: username(name), fullName: fullName, currentPlan: "50Mbps", daysRemaining: days,
            hasDue: due, acceptsAdvancePayment: advance, plans: plans
        )
    }
}
