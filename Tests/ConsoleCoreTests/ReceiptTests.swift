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

    @Test("a sandbox receipt, Devanagari name aligned by display width, marked top and bottom")
    func sandboxGolden() {
        let receipt = Receipt(
            payment: Self.payment(name: "राम बहादुर श्रेष्ठ", duration: .threeMonths, amount: Money(paisa: 508_500), transactionID: "KTX9001"),
            newExpiry: Fixtures.date(9, 0, 0, month: 3, year: 2026), environment: .sandbox
        )
        #expect(ReceiptLayout.text(for: receipt, calendar: Fixtures.calendar) == """
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
            Date                      2025-11-27 10:00
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
