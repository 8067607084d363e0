import ArrownetDomain
import ConsoleCore
import ConsoleTestSupport
import Foundation
import TerminalUI

/// Drives the real `reduce` to each screen, as the runtime would, so the golden
/// texts show states the console can actually reach.
struct Scenario {
    static let calendar = ConsoleSamples.calendar
    static let morning = ConsoleSamples.morning

    var state: ConsoleState
    var now: Date
    private(set) var effects: [ConsoleEffect] = []

    init(recent: [String] = []) {
        state = ConsoleState(
            counter: "Counter 1", operatorName: "Sita", environment: .sandbox, calendar: Self.calendar,
            recentUsernames: recent.map { try! Username($0) })
        now = Self.morning
        send(.started(at: now))
        send(.heldPaymentsLoaded(.success([])))
        send(.balanceLoaded(.success(Money(rupees: 100_000))))
    }

    mutating func send(_ action: ConsoleAction) {
        effects = reduce(into: &state, action: action)
    }

    mutating func press(_ key: Key, after seconds: TimeInterval = 1) {
        now += seconds
        send(.key(key, at: now))
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character), after: 0.1) }
    }

    /// Types the username and answers the lookup with `account` and journal `payments`.
    mutating func lookUp(_ account: Account, payments: [PaymentSummary] = []) {
        type(account.username.value)
        press(.enter)
        guard case .loading(let loading) = state.screen else { return }
        send(.accountLoaded(loading.fetchID, .success(AccountLookup(account: account, payments: payments))))
    }

    func render(_ width: Int, _ height: Int) -> String {
        ConsoleRenderer.render(state, size: Size(width: width, height: height)).lines.joined(separator: "\n")
    }

    static func account(
        _ name: String = "Pradhanang", fullName: String = "Ashish Pradhanang - Home", days: Int = 464,
        due: Bool = false, advance: Bool = true, plans: [Plan] = ConsoleSamples.plans
    ) -> Account {
        ConsoleSamples.account(name, fullName: fullName, days: days, due: due, advance: advance, plans: plans)
    }

    static func payment(
        _ state: PaymentState, username: String = "queuedok", name: String = "Bikash Tamang - Home",
        reference: String = "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V", transactionID: String? = nil, minutesAgo: Int = 30,
        nextLookupInMinutes: Int? = 5
    ) -> PaymentSummary {
        let created = morning.addingTimeInterval(TimeInterval(-60 * minutesAgo))
        return PaymentSummary(
            reference: try! PaymentReference(reference), username: try! Username(username), customerName: name,
            duration: .oneMonth, amount: Money(paisa: 169_500), counter: "Counter 1", operatorName: "Sita", state: state,
            transactionID: transactionID, createdAt: created, updatedAt: created,
            nextLookupAt: nextLookupInMinutes.map { morning.addingTimeInterval(TimeInterval(60 * $0)) }, lookupCount: 1,
            attention: nil)
    }
}
