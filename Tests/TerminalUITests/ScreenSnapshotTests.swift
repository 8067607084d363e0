import ArrownetDomain
import ConsoleCore
import ConsoleTestSupport
import Foundation
import SnapshotTesting
import Testing
import TerminalUI

/// Every screen as text and styles (`StyledScreen`) at 80x24 and at the minimum size
/// (60x16). The references are in __Snapshots__; a changed screen fails until its new
/// text is reviewed and recorded (`SNAPSHOT_TESTING_RECORD=failed`).
@Suite("Screens as golden text")
struct ScreenSnapshotTests {
    func check(
        _ scenario: Scenario, _ name: String,
        fileID: StaticString = #fileID, file: StaticString = #filePath, line: UInt = #line, column: UInt = #column
    ) {
        for (width, height) in [(80, 24), (60, 16)] {
            assertSnapshot(
                of: scenario.buffer(width, height), as: .styledScreen, named: "\(width)x\(height)",
                fileID: fileID, file: file, testName: name, line: line, column: column)
        }
    }

    @Test func usernameEntryEmpty() {
        check(Scenario(), "username-empty")
    }

    @Test func usernameEntryTypedWithRecent() {
        var scenario = Scenario(recent: ["queuedok", "duecustomer", "devanagari"])
        scenario.type("Pradhan")
        scenario.press(.left)
        check(scenario, "username-typed")
    }

    @Test func usernameRefusedCharacter() {
        var scenario = Scenario()
        scenario.type("ram")
        scenario.press(.character(" "))
        check(scenario, "username-refused-space")
    }

    @Test func usernameUnknownCustomer() {
        var scenario = Scenario()
        scenario.type("nosuchuser")
        scenario.press(.enter)
        guard case .loading(let loading) = scenario.state.screen else { Issue.record("not loading"); return }
        scenario.send(.accountLoaded(loading.fetchID, .failure(ConsoleSamples.unknownCustomer("nosuchuser"))))
        check(scenario, "username-unknown")
    }

    @Test func loadingSlow() {
        var scenario = Scenario()
        scenario.type("Pradhanang")
        scenario.press(.enter)
        for second in 1...7 { scenario.send(.tick(scenario.now + TimeInterval(second))) }
        check(scenario, "loading-slow")
    }

    @Test func accountPradhanang() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account())
        check(scenario, "account-pradhanang")
    }

    @Test func accountDevanagariDue() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account("devanagari", fullName: "राम बहादुर श्रेष्ठ", days: 0, due: true))
        check(scenario, "account-devanagari-due")
    }

    @Test func accountNoAdvance() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account("noadvance", fullName: "Hari Prasad Koirala - Home", days: 45, advance: false))
        check(scenario, "account-noadvance")
    }

    @Test func accountPaidTodayAndLongName() {
        var scenario = Scenario()
        let name = "Shree Bhadrakali Multipurpose Cooperative Society Limited, Kalanki Branch - Office"
        let paid = Scenario.payment(.paid, username: "longname", name: name, transactionID: "1440", minutesAgo: 45)
        scenario.lookUp(Scenario.account("longname", fullName: name, days: 12), payments: [paid])
        scenario.press(.down)
        check(scenario, "account-paid-today-long-name")
    }

    @Test func accountWithOpenPayment() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account("queuedok", fullName: "Bikash Tamang - Home", days: 3), payments: [Scenario.payment(.held)])
        check(scenario, "account-open-payment")
    }

    @Test func confirmation() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account())
        scenario.press(.character("3"))
        check(scenario, "confirmation")
    }

    @Test func confirmationTooEarly() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account())
        scenario.press(.character("3"))
        scenario.press(.character("y"), after: 0.1)
        check(scenario, "confirmation-too-early")
    }

    @Test func sending() {
        var scenario = Scenario()
        scenario.confirmThreeMonths()
        scenario.send(.tick(scenario.now + 2))
        check(scenario, "sending")
    }

    @Test func sendingAskedToQuit() {
        var scenario = Scenario()
        scenario.confirmThreeMonths()
        scenario.press(.control("c"))
        check(scenario, "sending-quitting")
    }

    /// A payment through to the desk's answer: what the live desk reports (`ConsoleSamples`).
    func finished(_ outcome: (Scenario) -> PaymentOutcome) -> Scenario {
        var scenario = Scenario()
        scenario.confirmThreeMonths()
        scenario.send(.paymentFinished(outcome(scenario), at: scenario.now + 1))
        return scenario
    }

    @Test func outcomePaid() {
        var scenario = finished { ConsoleSamples.paid($0.payment(.paid, transactionID: "1440")) }
        // As the receipt printer says it: the path is shown whole, wrapped where it must be.
        scenario.send(.receiptPrinted(.success(
            "saved as /home/sita/.local/share/arrownet/receipts/2025-11-27_Counter1-6Q7R8S9T0V.txt")))
        check(scenario, "outcome-paid")
    }

    @Test func outcomeHeld() {
        check(finished { ConsoleSamples.held($0.payment(.held), .noAnswer) }, "outcome-held")
    }

    @Test func outcomeHeldAfterRefusal() {
        check(finished {
            ConsoleSamples.held($0.payment(.held), .rejectedMaybeApplied(httpStatus: 400, errorCode: "1016"), refusal: .insufficientCredits)
        }, "outcome-held-refused")
    }

    @Test func outcomeNotPaid() {
        check(finished { ConsoleSamples.notPaid($0.payment(.notPaid), .failed(state: "Failed")) }, "outcome-not-paid")
    }

    @Test func outcomeNotSent() {
        check(finished { _ in ConsoleSamples.journalFailed() }, "outcome-not-sent")
    }

    @Test func heldPaymentsList() {
        var scenario = Scenario()
        let held = [
            Scenario.payment(.held),
            Scenario.payment(.sending, username: "queuedfail", name: "Anita Rai - Home", reference: "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0W", minutesAgo: 90),
        ]
        scenario.send(.heldPaymentsLoaded(.success(held)))
        scenario.press(.function(5))
        scenario.send(.heldPaymentsLoaded(.success(held)))
        check(scenario, "held-list")
        scenario.press(.enter)
        check(scenario, "held-details")
    }

    @Test func help() {
        var scenario = Scenario()
        scenario.press(.function(1))
        check(scenario, "help-username")
    }

    @Test func liveBanner() {
        check(Scenario(environment: .live), "username-live")
    }

    @Test func usernameSelectedAfterAccount() {
        var scenario = Scenario(recent: ["queuedok"])
        scenario.lookUp(Scenario.account())
        scenario.press(.escape)
        check(scenario, "username-selected")
    }

    @Test func reprintedReceiptOnStatusLine() {
        var scenario = finished { ConsoleSamples.paid($0.payment(.paid, transactionID: "1440")) }
        scenario.send(.receiptPrinted(.success("saved as /tmp/r.txt")))
        scenario.press(.enter)
        scenario.press(.control("r"))
        scenario.send(.receiptPrinted(.success(
            "saved as /home/sita/.local/share/arrownet/receipts/2025-11-27_Counter1-6Q7R8S9T0V_reprint.txt")))
        check(scenario, "username-reprinted")
    }

    @Test func tooSmall() {
        var scenario = Scenario()
        scenario.type("Pradhan")
        assertSnapshot(of: scenario.buffer(59, 16), as: .styledScreen, named: "too-small-59x16")
        assertSnapshot(of: scenario.buffer(40, 10), as: .styledScreen, named: "too-small-40x10")
        // Nothing typed is lost: at a workable size the field is back as it was.
        #expect(scenario.render(60, 16).contains("[Pradhan"))
    }
}

/// The shift screens (issue 13): opening, the X report, counting and closing.
extension ScreenSnapshotTests {
    @Test func shiftOpenAtStart() {
        var scenario = Scenario(shiftOpen: false)
        scenario.type("12")
        check(scenario, "shift-open")
    }

    @Test func shiftOpenRefusedAmount() {
        var scenario = Scenario(shiftOpen: false)
        scenario.type("5,000x")
        scenario.press(.enter)
        check(scenario, "shift-open-refused")
    }

    @Test func shiftOpenAfterClose() {
        var scenario = Scenario()
        scenario.startClose()
        scenario.type("2,300")
        scenario.press(.enter)
        scenario.press(.character("y"))
        scenario.send(.shiftClosed(.closed(Scenario.zReport(counted: Money(rupees: 2300)))))
        scenario.send(.shiftReportPrinted(.success(
            "saved as /home/sita/.local/share/arrownet/receipts/2025-11-27_Counter1_shift3_Z.txt")))
        check(scenario, "shift-open-after-close")
    }

    @Test func shiftOpenAfterPaymentFoundNone() {
        var scenario = Scenario()
        scenario.confirmThreeMonths()
        scenario.send(.paymentFinished(ConsoleSamples.noOpenShift(counter: "Counter 1"), at: scenario.now + 1))
        check(scenario, "shift-open-closed-elsewhere")
    }

    @Test func xReportTop() {
        var scenario = Scenario()
        scenario.press(.function(3))
        scenario.send(.shiftReportLoaded(.success(Scenario.xReport())))
        check(scenario, "shift-report-x")
    }

    @Test func xReportEndPrinted() {
        var scenario = Scenario()
        scenario.send(.resized(TerminalSize(width: 60, height: 16), at: scenario.now))
        scenario.press(.function(3))
        scenario.send(.shiftReportLoaded(.success(Scenario.xReport())))
        scenario.press(.pageDown)
        scenario.press(.pageDown)
        scenario.press(.pageDown)
        scenario.press(.pageDown)
        scenario.press(.character("p"))
        scenario.send(.shiftReportPrinted(.success("saved as /home/sita/.local/share/arrownet/receipts/2025-11-27_Counter1_shift3_X.txt")))
        check(scenario, "shift-report-x-end")
    }

    @Test func closeCounting() {
        var scenario = Scenario()
        scenario.startClose()
        scenario.type("2,3")
        check(scenario, "shift-close-counting")
    }

    @Test func closeConfirmingShort() {
        var scenario = Scenario()
        scenario.startClose()
        scenario.type("2,300")
        scenario.press(.tab)
        scenario.type("Rs. 90 change given from the drawer to Counter 2")
        scenario.press(.enter)
        check(scenario, "shift-close-short")
    }

    @Test func closeRefusedPaymentOnItsWay() {
        var scenario = Scenario()
        var report = Scenario.xReport()
        report.onTheirWay.add(Money(rupees: 1695))
        scenario.startClose(report)
        scenario.type("4085")
        scenario.press(.enter)
        scenario.press(.character("y"))
        scenario.send(.shiftClosed(.refused(ConsoleSamples.paymentsOnTheirWay(["ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0X"]))))
        check(scenario, "shift-close-on-its-way")
    }
}

/// Held payments looked up by themselves (issue 10): the notices and the held list's new rows.
extension ScreenSnapshotTests {
    static func settled(_ payment: PaymentSummary, _ state: PaymentState, attention: String? = nil) -> SettledPayment {
        SettledPayment(
            before: .held,
            payment: PaymentSummary(
                reference: payment.reference, username: payment.username, customerName: payment.customerName,
                duration: payment.duration, amount: payment.amount, counter: payment.counter, operatorName: payment.operatorName,
                state: state, transactionID: state == .paid ? "1441" : nil, createdAt: payment.createdAt,
                updatedAt: Scenario.morning, nextLookupAt: nil, lookupCount: 2, attention: attention),
            note: "Lookup.")
    }

    static let queuedOK = Scenario.payment(.held)
    static let queuedFail = Scenario.payment(
        .held, username: "queuedfail", name: "Anita Rai - Home", reference: "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0W", minutesAgo: 90)
    static let flagged = Scenario.payment(
        .held, username: "gita", name: "Gita Shrestha - Home", reference: "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0X", minutesAgo: 120,
        nextLookupInMinutes: nil)

    @Test func noticesOnUsername() {
        var scenario = Scenario()
        let paid = Self.settled(Self.queuedOK, .paid)
        scenario.send(.heldPaymentsReconciled(HeldReconciliation(
            settled: [paid, Self.settled(Self.queuedFail, .notPaid),
                      Self.settled(Self.flagged, .held, attention: "Khalti recorded Rs. 1,696.00, the journal Rs. 1,695.00.")],
            held: [Self.settled(Self.flagged, .held, attention: "Khalti recorded Rs. 1,696.00, the journal Rs. 1,695.00.").payment])))
        scenario.send(.settledReceiptPrinted(paid.payment.reference, .success("saved as /r.txt")))
        check(scenario, "username-notices")
    }

    @Test func noticeWaitsForTheNextScreen() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account())
        scenario.send(.heldPaymentsReconciled(HeldReconciliation(settled: [Self.settled(Self.queuedFail, .notPaid)], held: [])))
        scenario.press(.character("3"))
        check(scenario, "confirmation-notice")
    }

    @Test func heldListNeedsAPerson() {
        var scenario = Scenario()
        let attention = "Khalti recorded Rs. 1,696.00, the journal Rs. 1,695.00."
        let held = [Self.queuedOK, Self.settled(Self.flagged, .held, attention: attention).payment]
        scenario.send(.heldPaymentsLoaded(.success(held)))
        scenario.press(.function(5))
        scenario.send(.heldPaymentsLoaded(.success(held)))
        scenario.press(.down)
        check(scenario, "held-list-person")
    }

    @Test func heldListLookedUpTooSoon() {
        var scenario = Scenario()
        let fresh = Scenario.payment(.held, minutesAgo: 2, nextLookupInMinutes: 3)
        scenario.send(.heldPaymentsLoaded(.success([fresh, Self.queuedFail])))
        scenario.press(.function(5))
        scenario.send(.heldPaymentsLoaded(.success([fresh, Self.queuedFail])))
        scenario.press(.character("l"))
        let failed = Self.settled(Self.queuedFail, .notPaid)
        scenario.send(.heldPaymentsLookedUp(.success(HeldLookupResult(lookedUp: [failed.payment], settled: [failed], notYetDue: [fresh]))))
        check(scenario, "held-list-looked-up")
    }
}

/// The cash drawer and dates in both calendars (issue 15).
extension ScreenSnapshotTests {
    @Test func drawerByHand() {
        var scenario = Scenario(cashDrawer: true)
        scenario.press(.function(4))
        scenario.type("change for a customer")
        check(scenario, "drawer")
    }

    @Test func usernameWithDrawer() {
        var scenario = Scenario(cashDrawer: true)
        scenario.press(.function(4))
        scenario.type("change")
        scenario.press(.enter)
        scenario.send(.drawerOpened(.clerk("change"), .success("drawer opened (escpos+tcp://192.168.1.50:9100)")))
        check(scenario, "username-drawer-opened")
    }

    @Test func closeCountingDrawerOpened() {
        var scenario = Scenario(cashDrawer: true)
        scenario.startClose()
        scenario.send(.drawerOpened(.count, .success("drawer opened (escpos+tcp://192.168.1.50:9100)")))
        check(scenario, "shift-close-drawer-opened")
    }

    @Test func confirmationBothCalendars() {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account(days: 12))
        scenario.press(.character("3"))
        check(scenario, "confirmation-bs")
    }

    @Test func accountAndConfirmationAD() {
        var scenario = Scenario(bsCalendar: nil)
        scenario.lookUp(Scenario.account(days: 12))
        check(scenario, "account-ad-only")
        scenario.press(.character("3"))
        check(scenario, "confirmation-ad-only")
    }
}
