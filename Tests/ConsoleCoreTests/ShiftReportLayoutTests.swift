import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Shift reports on 42 columns")
struct ShiftReportLayoutTests {
    static let opened = Date(timeIntervalSince1970: 1_764_651_600)  // 2025-12-02 10:45 NPT

    static func report(closed: Bool) throws -> ShiftReport {
        var report = ShiftReport(
            shift: ShiftReport.ShiftInfo(
                id: 7, number: 3, counter: "Counter 1", operatorName: "Ram", openedAt: opened,
                closedAt: closed ? opened.addingTimeInterval(8 * 3600) : nil, openingFloat: Money(rupees: 5000)),
            takenAt: opened.addingTimeInterval(8 * 3600))
        report.paid.add(Money(rupees: 1695))
        report.paidByPlan[1] = ShiftReport.Tally(count: 1, amount: Money(rupees: 1695))
        report.held.add(Money(rupees: 1695))
        report.heldPayments = [ShiftReport.Item(
            reference: try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"), username: try Username("queuedok"),
            customerName: "राम बहादुर श्रेष्ठ", amount: Money(rupees: 1695), state: .held)]
        report.cashOut = [ShiftReport.CashEntry(amount: Money(rupees: 1000), reason: "a very long reason for taking cash to the safe today", operatorName: "Ram", at: opened)]
        report.khaltiBalanceAtOpening = Money(rupees: 100_000)
        report.khaltiBalanceNow = Money(rupees: 98_305)
        if closed {
            report.countedCash = Money(rupees: 7400)
            report.note = "checked twice"
        }
        return report
    }

    @Test("every line fits 42 columns; SANDBOX marked, LIVE not; X says open, Z the count and over or short")
    func layout() throws {
        for closed in [false, true] {
            for environment in [KhaltiEnvironment.sandbox, .live] {
                let report = try Self.report(closed: closed)
                let document = ShiftReportLayout.document(for: report, environment: environment)
                let text = document.text
                #expect(document.lines.allSatisfy { displayWidth($0.text) <= PrintDocument.width && $0.text.last != " " }, "\(text)")
                #expect(text.contains("NOT REAL MONEY") == !environment.isRealMoney)
                #expect(text.contains(closed ? "Z REPORT" : "X REPORT"))
                #expect(text.contains("Counter 1 no. 3"))
                #expect(text.contains("EXPECTED IN DRAWER") && text.contains("Rs. 7,390.00"))
                #expect(text.contains("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"))
                #expect(text.contains("Counted") == closed)
                if closed { #expect(text.contains("OVER") && text.contains("Rs. 10.00") && text.contains("checked twice")) }
                #expect(text.contains("Agrees"), "the balance fell by what was paid")
                #expect(document.lines.contains { $0.text.contains("X REPORT") || $0.text.contains("Z REPORT") ? $0.style == .headline : false })
            }
        }
    }

    @Test("dates in Bikram Sambat beside AD, AD alone with calendar = ad; the file name beside the receipts")
    func dates() throws {
        let report = try Self.report(closed: true)
        let both = ShiftReportLayout.document(for: report, environment: .sandbox).lines.map(\.text)
        #expect(both.contains("Opened  2082 Mangsir 16 (2025-12-02) 10:45"))
        #expect(both.contains("Closed  2082 Mangsir 16 (2025-12-02) 18:45"))
        let adOnly = ShiftReportLayout.document(for: report, environment: .sandbox, bsCalendar: nil).lines.map(\.text)
        #expect(adOnly.contains("Opened                    2025-12-02 10:45"))
        #expect(ShiftReportLayout.fileName(for: report) == "2025-12-02_Counter1_shift3_Z")
        #expect(ShiftReportLayout.fileName(for: try Self.report(closed: false)) == "2025-12-02_Counter1_shift3_X")
    }
}
