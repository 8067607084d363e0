import ArrownetDomain
import ConsoleCore
import ConsoleTestSupport
import Foundation

/// The shared samples, with this layer's dates, payments and states.
typealias Fixtures = ConsoleSamples

extension ConsoleSamples {
    static func date(_ day: Int, _ hour: Int, _ minute: Int, month: Int = 11, year: Int = 2025) -> Date {
        calendar.date(CivilDay(year: Int64(year), month: month, day: day), hour: hour, minute: minute)
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
