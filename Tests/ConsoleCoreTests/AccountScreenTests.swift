import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Account details and plan selection")
struct AccountScreenTests {
    static let entry = UsernameEntryScreen(text: "Pradhanang")

    static func screen(_ account: Account = Fixtures.account(), payments: [PaymentSummary] = []) -> AccountScreen {
        AccountScreen(
            lookup: AccountLookup(account: account, payments: payments), lookedUpAt: Fixtures.morning,
            calendar: Fixtures.calendar, entry: entry
        )
    }

    static func store(_ screen: AccountScreen = screen()) -> TestStore {
        var state = Fixtures.freshState()
        state.screen = .account(screen)
        state.now = Fixtures.morning
        return TestStore(state)
    }

    @Test("details: days remaining with the day they run to; plans with digit, price per month, saving, new expiry")
    func details() {
        let screen = Self.screen()
        #expect(screen.daysRemainingText == "12 days, to 2082 Mangsir 23 (2025-12-09)")
        #expect(screen.newExpiryText == "2082 Poush 25 (2026-01-09)", "the highlighted plan's, in both calendars")
        #expect(screen.plans.map(\.key) == ["1", "3", "6", "2"])
        #expect(screen.plans.map(\.plan.amount.formatted) == ["Rs. 1,695.00", "Rs. 5,085.00", "Rs. 9,492.00", "Rs. 17,628.00"])
        #expect(screen.plans.map(\.pricePerMonth.formatted) == ["Rs. 1,695.00", "Rs. 1,695.00", "Rs. 1,582.00", "Rs. 1,469.00"])
        #expect(screen.plans.map { $0.saving?.formatted } == [nil, "Rs. 0.00", "Rs. 678.00", "Rs. 2,712.00"])
        #expect(screen.plans.map { ClerkDates.day($0.newExpiry, in: Fixtures.calendar) } == [
            "2026-01-09", "2026-03-09", "2026-06-09", "2026-12-09",
        ])
        #expect(screen.refusal == nil && screen.paidTodayWarning == nil && screen.openPaymentWarning == nil)
        // calendar = ad, and a date past the Bikram Sambat table: AD alone, never a guessed BS date.
        let adOnly = AccountScreen(
            lookup: AccountLookup(account: Fixtures.account(), payments: []), lookedUpAt: Fixtures.morning,
            calendar: Fixtures.calendar, bsCalendar: nil, entry: Self.entry)
        #expect(adOnly.daysRemainingText == "12 days, to 2025-12-09")
        let farAhead = AccountScreen(
            lookup: AccountLookup(account: Fixtures.account(days: 600), payments: []), lookedUpAt: Fixtures.morning,
            calendar: Fixtures.calendar, entry: Self.entry)
        #expect(farAhead.daysRemainingText == "600 days, to 2027-07-20")
    }

    @Test("a customer paid today is warned about with when and how much; yesterday's payment is not")
    func paidToday() {
        let today = Fixtures.payment(state: .paid, createdAt: Fixtures.date(27, 8, 55), updatedAt: Fixtures.date(27, 9, 5))
        let yesterday = Fixtures.payment(state: .paid, reference: "ARNOLD1", createdAt: Fixtures.date(26, 17, 0))
        let screen = Self.screen(payments: [yesterday, today])
        #expect(screen.paidToday == today)
        #expect(screen.paidTodayWarning
            == "Already paid today at 09:05: Rs. 5,085.00 for 3 months (Sita, Counter 1). Make sure the customer means to pay again.")
        #expect(screen.refusal == nil)
        #expect(Self.screen(payments: [yesterday]).paidTodayWarning == nil)
    }

    @Test("an unsettled payment for the customer is shown and blocks a second one")
    func openPayment() {
        let held = Fixtures.payment(state: .held, createdAt: Fixtures.date(27, 9, 40))
        let screen = Self.screen(payments: [held])
        #expect(screen.openPaymentWarning
            == "A payment of Rs. 5,085.00 for 3 months taken at 09:40 (Sita, Counter 1) is not settled (HELD, reference ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V).")
        #expect(screen.refusal == screen.openPaymentWarning! + " Settle it before taking another payment: F5 lists held payments, l looks them up now.")
        let store = Self.store(screen)
        store.press(.character("1")) {
            var refused = screen
            refused.notice = screen.refusal
            $0.screen = .account(refused)
        }
    }

    @Test("nothing due and no advance payment: plans are unavailable with the reason, and keys say so")
    func notPayable() {
        let screen = Self.screen(Fixtures.account(due: false, advance: false))
        #expect(screen.refusal == "Nothing is due and this account does not accept advance payment; the customer can pay when the current plan ends.")
        let store = Self.store(screen)
        store.press(.enter) {
            var refused = screen
            refused.notice = screen.refusal
            $0.screen = .account(refused)
        }
        // A due makes it payable even without advance payment.
        #expect(Self.screen(Fixtures.account(due: true, advance: false)).refusal == nil)
    }

    @Test("Up and Down move the highlight and stop at the ends")
    func highlight() {
        let store = Self.store()
        store.press(.up)
        for index in 1...3 {
            store.press(.down) {
                var moved = Self.screen()
                moved.highlighted = index
                $0.screen = .account(moved)
            }
        }
        store.press(.down)
        store.press(.up) {
            var moved = Self.screen()
            moved.highlighted = 2
            $0.screen = .account(moved)
        }
    }

    @Test("each digit chooses its plan and opens the confirmation, discarding typeahead")
    func digits() {
        for (digit, index) in [("1", 0), ("3", 1), ("6", 2), ("2", 3)] {
            let store = Self.store()
            let screen = Self.screen()
            var highlighted = screen
            highlighted.highlighted = index
            let plan = screen.plans[index]
            store.press(.character(Character(digit))) {
                $0.screen = .confirmation(ConfirmationScreen(
                    order: PaymentOrder(
                        account: screen.account, plan: plan.plan, newExpiry: plan.newExpiry, counter: "Counter 1",
                        operatorName: "Sita", lookedUpAt: Fixtures.morning
                    ),
                    shownAt: Fixtures.morning, back: highlighted
                ))
            }
            store.receive(.discardTypeahead)
        }
    }

    @Test("Enter chooses the highlighted plan")
    func enterChoosesHighlighted() {
        var screen = Self.screen()
        screen.highlighted = 2
        let store = Self.store(screen)
        store.press(.enter) {
            $0.screen = .confirmation(ConfirmationScreen(
                order: PaymentOrder(
                    account: screen.account, plan: screen.plans[2].plan, newExpiry: screen.plans[2].newExpiry,
                    counter: "Counter 1", operatorName: "Sita", lookedUpAt: Fixtures.morning
                ),
                shownAt: Fixtures.morning, back: screen
            ))
        }
        store.receive(.discardTypeahead)
    }

    @Test("a digit for a plan Arrownet does not offer says so")
    func missingPlan() {
        let screen = Self.screen(Fixtures.account(plans: [Fixtures.plans[0], Fixtures.plans[1]]))
        let store = Self.store(screen)
        store.press(.character("6")) {
            var noticed = screen
            noticed.notice = "Arrownet offers no 6 months plan to this customer."
            $0.screen = .account(noticed)
        }
        store.press(.character("9"))  // not a plan key: nothing happens
    }

    @Test("Esc goes back to the username, kept and selected: the next customer's username replaces it")
    func back() {
        let store = Self.store()
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true)) }
        store.press(.character("d")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "d")) }
    }
}
