import ArrownetDomain
import ConsoleCore
import Foundation

/// Customers, payments and times shared by the console tests.
enum Fixtures {
    static let calendar = CounterCalendar.nepal

    /// 2025-11-27 10:00 in Kathmandu.
    static let morning = date(27, 10, 0)

    static func date(_ day: Int, _ hour: Int, _ minute: Int, month: Int = 11, year: Int = 2025) -> Date {
        calendar.date(CivilDay(year: Int64(year), month: month, day: day), hour: hour, minute: minute)
    }

    static func username(_ text: String = "Pradhanang") -> Username { try! Username(text) }

    static let plans = [
        Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
        Plan(duration: .threeMonths, amount: Money(paisa: 508_500)),
        Plan(duration: .sixMonths, amount: Money(paisa: 949_200)),
        Plan(duration: .twelveMonths, amount: Money(paisa: 1_762_800)),
    ]

    static func account(
        _ name: String = "Pradhanang", fullName: String = "Ashish Pradhanang - Home", days: Int = 12,
        due: Bool = false, advance: Bool = true, plans: [Plan] = plans
    ) -> Account {
        Account(
            username: username(name), fullName: fullName, currentPlan: "50Mbps", daysRemaining: days,
            hasDue: due, acceptsAdvancePayment: advance, plans: plans
        )
    }

    static func reference(_ text: String = "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V") -> PaymentReference { try! PaymentReference(text) }

    static func payment(
        state: PaymentState, reference: String = "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V", username: String = "Pradhanang",
        name: String = "Ashish Pradhanang - Home", duration: PlanDuration = .threeMonths,
        amount: Money = Money(paisa: 508_500), transactionID: String? = nil, createdAt: Date = morning,
        updatedAt: Date? = nil, nextLookupAt: Date? = nil, lookupCount: Int = 0, attention: String? = nil
    ) -> PaymentSummary {
        PaymentSummary(
            reference: Fixtures.reference(reference), username: Fixtures.username(username), customerName: name,
            duration: duration, amount: amount, counter: "Counter 1", operatorName: "Sita", state: state,
            transactionID: transactionID, createdAt: createdAt, updatedAt: updatedAt ?? createdAt,
            nextLookupAt: nextLookupAt, lookupCount: lookupCount, attention: attention
        )
    }

    static func freshState(recent: [String] = []) -> ConsoleState {
        ConsoleState(
            counter: "Counter 1", operatorName: "Sita", environment: .sandbox, calendar: calendar,
            recentUsernames: recent.map { username($0) }
        )
    }
}
