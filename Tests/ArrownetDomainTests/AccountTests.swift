import Foundation
import Testing
@testable import ArrownetDomain

@Suite("Account and plans")
struct AccountTests {
    static let pradhanangPlans = [
        Plan(duration: .twelveMonths, amount: Money(paisa: 1_762_800)),
        Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
        Plan(duration: .threeMonths, amount: Money(paisa: 508_500)),
        Plan(duration: .sixMonths, amount: Money(paisa: 949_200)),
    ]

    func account(days: Int = 464, due: Bool = false, advance: Bool = true, plans: [Plan] = pradhanangPlans) throws -> Account {
        Account(
            username: try Username("Pradhanang"), fullName: "Ashish Pradhanang - Home", currentPlan: "50Mbps",
            daysRemaining: days, hasDue: due, acceptsAdvancePayment: advance, plans: plans
        )
    }

    let calendar = CounterCalendar.nepal

    @Test("plans are sorted by duration, with price per month and saving")
    func comparisons() throws {
        let comparisons = try account().planComparisons
        #expect(comparisons.map(\.plan.duration) == [.oneMonth, .threeMonths, .sixMonths, .twelveMonths])
        #expect(comparisons.map(\.saving) == [nil, Money.zero, Money(paisa: 67_800), Money(paisa: 271_200)])
        #expect(comparisons.map(\.plan.pricePerMonth) == [
            Money(paisa: 169_500), Money(paisa: 169_500), Money(paisa: 158_200), Money(paisa: 146_900),
        ])
    }

    @Test("price per month rounds half up to the paisa")
    func rounding() {
        #expect(Plan(duration: .threeMonths, amount: Money(paisa: 100)).pricePerMonth == Money(paisa: 33))
        #expect(Plan(duration: .threeMonths, amount: Money(paisa: 200)).pricePerMonth == Money(paisa: 67))
        #expect(Plan(duration: .twelveMonths, amount: Money(paisa: 6)).pricePerMonth == Money(paisa: 1))
    }

    @Test("duplicate durations keep the first")
    func duplicates() throws {
        let plans = [Plan(duration: .oneMonth, amount: Money(paisa: 1)), Plan(duration: .oneMonth, amount: Money(paisa: 2))]
        #expect(try account(plans: plans).plans == [Plan(duration: .oneMonth, amount: Money(paisa: 1))])
    }

    @Test("who may pay")
    func payability() throws {
        #expect(try account(due: false, advance: true).payability == .allowed)
        #expect(try account(days: 0, due: true, advance: false).payability == .allowed)
        guard case .refused(let reason) = try account(due: false, advance: false).payability else {
            Issue.record("a customer with nothing due and no advance payment was allowed")
            return
        }
        #expect(reason.contains("advance payment"))
        guard case .refused = try account(plans: []).payability else {
            Issue.record("a customer without plans was allowed")
            return
        }
    }

    @Test("the last day of service counts whole days over month, year and leap-day ends")
    func lastDayOfService() throws {
        let today = CivilDay(year: 2026, month: 11, day: 27)
        #expect(try account(days: 464).lastDayOfService(today: today) == CivilDay(year: 2028, month: 3, day: 5))
        #expect(try account(days: 35).lastDayOfService(today: today) == CivilDay(year: 2027, month: 1, day: 1))
        #expect(try account(days: -3, due: true).lastDayOfService(today: today) == today)
    }

    @Test("service end and estimated expiry")
    func dates() throws {
        let today = calendar.date(CivilDay(year: 2026, month: 11, day: 27), hour: 10)
        let ends = try account(days: 464).serviceEnds(today: today, calendar: calendar)
        #expect(calendar.day(of: ends) == CivilDay(year: 2028, month: 3, day: 5))
        let expiry = try account(days: 4).estimatedExpiry(after: .threeMonths, today: today, calendar: calendar)
        #expect(calendar.day(of: expiry) == CivilDay(year: 2027, month: 3, day: 1))
        let lapsed = try account(days: -3, due: true).estimatedExpiry(after: .oneMonth, today: today, calendar: calendar)
        #expect(calendar.day(of: lapsed) == CivilDay(year: 2026, month: 12, day: 27))
    }
}
