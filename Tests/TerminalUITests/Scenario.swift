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

    /// Shift 3 of Counter 1, opened at 09:00 by Sita with Rs. 1,000.00.
    static let openShift = ShiftReport.ShiftInfo(
        id: 7, number: 3, counter: "Counter 1", operatorName: "Sita", openedAt: morning - 3600, closedAt: nil,
        openingFloat: Money(rupees: 1000))

    /// The console started, its shift open (`shiftOpen`) or not, nothing held, the balance read.
    init(
        recent: [String] = [], environment: KhaltiEnvironment = .sandbox, shiftOpen: Bool = true, cashDrawer: Bool = false,
        bsCalendar: BikramSambatCalendar? = .shipped
    ) {
        state = ConsoleState(
            counter: "Counter 1", operatorName: "Sita", environment: environment, calendar: Self.calendar, bsCalendar: bsCalendar,
            hasCashDrawer: cashDrawer, recentUsernames: recent.map { try! Username($0) })
        now = Self.morning
        send(.started(at: now))
        send(.shiftLoaded(.success(shiftOpen ? Self.openShift : nil)))
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

    func buffer(_ width: Int, _ height: Int) -> ScreenBuffer {
        ConsoleRenderer.render(state, size: TerminalSize(width: width, height: height))
    }

    func render(_ width: Int, _ height: Int) -> String {
        buffer(width, height).lines.joined(separator: "\n")
    }

    /// Looks Pradhanang up, takes 3 months and confirms after reading it back: the sending screen.
    mutating func confirmThreeMonths() {
        lookUp(Scenario.account())
        press(.character("3"))
        press(.character("y"), after: 3)
    }

    /// The journal's record of the payment being sent, in `state`, as the desk reports it.
    func payment(_ state: PaymentState, transactionID: String? = nil) -> PaymentSummary {
        PaymentSummary(
            reference: try! PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"), username: try! Username("Pradhanang"),
            customerName: "Ashish Pradhanang - Home", duration: .threeMonths, amount: Money(paisa: 508_500),
            counter: "Counter 1", operatorName: "Sita", state: state, transactionID: transactionID,
            createdAt: now, updatedAt: now + 1, nextLookupAt: state == .held ? now + 300 : nil, lookupCount: 0, attention: nil)
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

extension Scenario {
    /// Shift 3's X report at 10:00: a paid payment, a held one (named), cash taken out to
    /// the safe; Rs. 2,390.00 expected in the drawer.
    static func xReport(takenAt: Date = morning) -> ShiftReport {
        var report = ShiftReport(shift: openShift, takenAt: takenAt)
        report.paid.add(Money(rupees: 1695))
        report.paidByPlan[1] = ShiftReport.Tally(count: 1, amount: Money(rupees: 1695))
        report.held.add(Money(rupees: 1695))
        report.heldPayments = [ShiftReport.Item(
            reference: try! PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0W"), username: try! Username("queuedok"),
            customerName: "Bikash Tamang - Home", amount: Money(rupees: 1695), state: .held)]
        report.cashOut = [ShiftReport.CashEntry(amount: Money(rupees: 2000), reason: "drop to the safe", operatorName: "Sita", at: morning)]
        report.khaltiBalanceAtOpening = Money(rupees: 100_000)
        report.khaltiBalanceNow = Money(rupees: 98_305)
        report.firstReceipt = "Counter1-6Q7R8S9T0V"
        report.lastReceipt = "Counter1-6Q7R8S9T0V"
        return report
    }

    /// The same shift closed at 18:02 with `counted` in the drawer.
    static func zReport(counted: Money, note: String? = nil) -> ShiftReport {
        let closedAt = morning + 8 * 3600 + 120
        var report = xReport(takenAt: closedAt)
        report = ShiftReport(
            shift: ShiftReport.ShiftInfo(
                id: openShift.id, number: openShift.number, counter: openShift.counter, operatorName: openShift.operatorName,
                openedAt: openShift.openedAt, closedAt: closedAt, openingFloat: openShift.openingFloat),
            takenAt: closedAt)
        let x = xReport(takenAt: closedAt)
        report.paid = x.paid
        report.paidByPlan = x.paidByPlan
        report.held = x.held
        report.heldPayments = x.heldPayments
        report.cashOut = x.cashOut
        report.countedCash = counted
        report.note = note
        return report
    }

    /// F3, the X report answered, then `c`: the close screen, counting.
    mutating func startClose(_ report: ShiftReport = Scenario.xReport()) {
        press(.function(3))
        send(.shiftReportLoaded(.success(report)))
        press(.character("c"))
    }
}
