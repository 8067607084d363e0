import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

@Suite("Receipts")
struct ReceiptTests {
    static func payment(name: String, duration: PlanDuration, amount: Money, transactionID: String?) -> PaymentSummary {
        Fixtures.payment(
            state: .paid, username: "ram.shrestha", name: name, duration: duration, amount: amount,
            transactionID: transactionID, createdAt: Fixtures.morning, updatedAt: Fixtures.morning.addingTimeInterval(3)
        )
    }

    @Test("a sandbox receipt, Devanagari name aligned by display width, marked top and bottom; dates in both calendars")
    func sandboxGolden() {
        let receipt = Receipt(
            payment: Self.payment(name: "राम बहादुर श्रेष्ठ", duration: .threeMonths, amount: Money(paisa: 508_500), transactionID: "KTX9001"),
            newExpiry: Fixtures.date(9, 0, 0, month: 3, year: 2026), environment: .sandbox
        )
        let both = ReceiptLayout.text(for: receipt, calendar: Fixtures.calendar)
        #expect(both == """
            ==========================================
               *** SANDBOX: NOT A REAL PAYMENT ***
                        ARROWNET INTERNET
                     Bill paid through Khalti
            ------------------------------------------
            Receipt no.            Counter1-6Q7R8S9T0V
            Date    2082 Mangsir 11 (2025-11-27) 10:00
            Counter                          Counter 1
            Operator                              Sita
            ------------------------------------------
            Username                      ram.shrestha
            Name                        राम बहादुर श्रेष्ठ
            Plan                              3 months
            New expiry     2082 Falgun 25 (2026-03-09)
            ------------------------------------------
            AMOUNT PAID                   Rs. 5,085.00
            ------------------------------------------
            Reference    ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V
            Khalti transaction                 KTX9001
            ------------------------------------------
                  Thank you. Keep this receipt.
               *** SANDBOX: NOT A REAL PAYMENT ***
            ==========================================

            """)
        // calendar = ad: AD alone, the same receipt otherwise.
        #expect(ReceiptLayout.text(for: receipt, calendar: Fixtures.calendar, bsCalendar: nil) == """
            ==========================================
               *** SANDBOX: NOT A REAL PAYMENT ***
                        ARROWNET INTERNET
                     Bill paid through Khalti
            ------------------------------------------
            Receipt no.            Counter1-6Q7R8S9T0V
            Date                      2025-11-27 10:00
            Counter                          Counter 1
            Operator                              Sita
            ------------------------------------------
            Username                      ram.shrestha
            Name                        राम बहादुर श्रेष्ठ
            Plan                              3 months
            New expiry                      2026-03-09
            ------------------------------------------
            AMOUNT PAID                   Rs. 5,085.00
            ------------------------------------------
            Reference    ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V
            Khalti transaction                 KTX9001
            ------------------------------------------
                  Thank you. Keep this receipt.
               *** SANDBOX: NOT A REAL PAYMENT ***
            ==========================================

            """)
    }

    @Test("a live reprint: no environment mark, REPRINT, a long name wrapped and right-aligned, unknown expiry and id said")
    func liveReprintGolden() {
        let receipt = Receipt(
            payment: Self.payment(name: "श्री राम बहादुर श्रेष्ठ तथा सीता कुमारी श्रेष्ठ - घर", duration: .twelveMonths, amount: Money(paisa: 1_762_800), transactionID: nil),
            newExpiry: nil, environment: .live
        ).reprint()
        #expect(receipt.isReprint)
        #expect(ReceiptLayout.lines(for: receipt, calendar: Fixtures.calendar) == """
            ==========================================
                        ARROWNET INTERNET
                     Bill paid through Khalti
                         *** REPRINT ***
            ------------------------------------------
            Receipt no.            Counter1-6Q7R8S9T0V
            Date    2082 Mangsir 11 (2025-11-27) 10:00
            Counter                          Counter 1
            Operator                              Sita
            ------------------------------------------
            Username                      ram.shrestha
            Name
              श्री राम बहादुर श्रेष्ठ तथा सीता कुमारी श्रेष्ठ -
                                                    घर
            Plan                             12 months
            New expiry                    ask Arrownet
            ------------------------------------------
            AMOUNT PAID                  Rs. 17,628.00
            ------------------------------------------
            Reference    ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V
            Khalti transaction               not given
            ------------------------------------------
                  Thank you. Keep this receipt.
            ==========================================
            """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test("the longest dates still fit the paper: Baishakh 31 with its time")
    func longestDates() {
        // 2082 Baishakh 31 is 2025-05-14: the longest month name with a two-digit day.
        let paidAt = Fixtures.date(14, 10, 0, month: 5, year: 2025)
        let receipt = Receipt(
            number: "Counter1-6Q7R8S9T0V", paidAt: paidAt, counter: "Counter 1", operatorName: "Sita", username: Fixtures.username(),
            customerName: "Ashish Pradhanang - Home", duration: .oneMonth, amount: Money(paisa: 169_500), newExpiry: paidAt,
            reference: Fixtures.reference(), transactionID: "K1", environment: .sandbox)
        let lines = ReceiptLayout.lines(for: receipt, calendar: Fixtures.calendar)
        #expect(lines.contains("Date   2082 Baishakh 31 (2025-05-14) 10:00"))
        #expect(lines.contains("New expiry   2082 Baishakh 31 (2025-05-14)"))
        #expect(lines.allSatisfy { displayWidth($0) <= ReceiptLayout.width })
    }

    @Test("no line is wider than the paper or ends in a space, whatever the names", arguments: [
        "Ashish Pradhanang - Home", "日本語の名前がとても長いお客様の名前です本当に長い", "👨‍👩‍👧 family", String(repeating: "x", count: 60), "",
    ])
    func fitsThePaper(name: String) {
        for environment in [KhaltiEnvironment.sandbox, .uat, .live] {
            let receipt = Receipt(
                payment: Self.payment(name: name, duration: .oneMonth, amount: Money(paisa: 169_500), transactionID: "K1"),
                newExpiry: Fixtures.morning, environment: environment
            )
            for line in ReceiptLayout.lines(for: receipt) {
                #expect(displayWidth(line) <= ReceiptLayout.width, "\(line)")
                #expect(line.last != " ", "\(line)")
            }
            let marked = ReceiptLayout.text(for: receipt).contains("\(environment.label): NOT A REAL PAYMENT")
            #expect(marked == (environment != .live))
        }
    }
}

@Suite("Print documents")
struct PrintDocumentTests {
    @Test("the receipt's document: the headline tall, the marks, REPRINT and the amount bold, the rest plain; the name's stand-in is the username")
    func receiptStyles() {
        let receipt = Receipt(
            payment: ReceiptTests.payment(name: "राम बहादुर श्रेष्ठ", duration: .oneMonth, amount: Money(paisa: 169_500), transactionID: "K1"),
            newExpiry: nil, environment: .uat
        ).reprint()
        let document = ReceiptLayout.document(for: receipt, calendar: Fixtures.calendar)
        let styled = document.lines.filter { $0.style != .plain }.map { "\($0.style): \($0.text.trimmingCharacters(in: .whitespaces))" }
        #expect(styled == [
            "bold: *** UAT: NOT A REAL PAYMENT ***", "headline: ARROWNET INTERNET", "bold: *** REPRINT ***",
            "bold: AMOUNT PAID                   Rs. 1,695.00", "bold: *** UAT: NOT A REAL PAYMENT ***",
        ])
        #expect(document.blocks.contains(.field(label: "Name", value: "राम बहादुर श्रेष्ठ", standIn: "ram.shrestha (name on screen)")))
        #expect(document.text == ReceiptLayout.text(for: receipt, calendar: Fixtures.calendar))
    }

    @Test("blocks lay out for any document: rules, aligned free text wrapped at the width, an empty line, rows that wrap their value")
    func layout() {
        let document = PrintDocument([
            .rule(.heavy),
            .text("Z REPORT", style: .headline, alignment: .center),
            .text("Drawer opened 14 times, 2 without a payment, 1 for change"),
            .text(""),
            .text("signed", alignment: .right),
            .field(label: "Total", value: "Rs. 31,092.00", style: .bold),
            .field(label: "Counted by the operator at the end of the shift", value: "Sita"),
            .rule(.light),
        ])
        #expect(document.lines == [
            PrintLine(String(repeating: "=", count: 42)),
            PrintLine(String(repeating: " ", count: 17) + "Z REPORT", style: .headline),
            PrintLine("Drawer opened 14 times, 2 without a"),
            PrintLine("payment, 1 for change"),
            PrintLine(""),
            PrintLine(String(repeating: " ", count: 36) + "signed"),
            PrintLine("Total" + String(repeating: " ", count: 24) + "Rs. 31,092.00", style: .bold),
            PrintLine("Counted by the operator at the end of the"),
            PrintLine("shift"),
            PrintLine(String(repeating: " ", count: 38) + "Sita"),
            PrintLine(String(repeating: "-", count: 42)),
        ])
        #expect(document.text.hasSuffix("-\n"))
    }

    @Test("a stand-in replaces only a field's value, and only where one is given")
    func standIn() {
        #expect(PrintBlock.field(label: "Name", value: "राम", standIn: "ram (name on screen)").withStandIn
            == .field(label: "Name", value: "ram (name on screen)"))
        #expect(PrintBlock.field(label: "Name", value: "राम").withStandIn == .field(label: "Name", value: "राम"))
        #expect(PrintBlock.text("राम").withStandIn == .text("राम"))
    }
}
