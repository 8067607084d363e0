import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentJournal
import Testing

/// The counter's shift typed into the console with the live environment: the real
/// desk, journal and sandbox, reports saved where receipts are.
@Suite("Console flows: shifts")
struct ShiftFlowTests {
    @Test("no shift open at start: opened on the console's screen, a payment, the X report printed, counted and closed")
    func openPayClose() async throws {
        try await LiveCounter.with(openShifts: ["Counter 2"]) { counter in
            guard case .shiftOpen(let open) = await counter.state.screen else { throw FlowError("not on the shift-open screen") }
            #expect(open.operatorName.text == "Sita")
            #expect(await counter.state.header.hasNoShift)
            #expect(try await counter.journal.currentShift(counter: "Counter 1") == nil)

            await counter.type("1,000")
            await counter.press(.enter)
            _ = try await counter.state.usernameEntry()
            let shift = try #require(try await counter.journal.currentShift(counter: "Counter 1"))
            #expect(shift.operatorName == "Sita" && shift.openingFloat == Money(rupees: 1000) && shift.number == 1)
            #expect(shift.openingBalance == LiveCounter.openingBalance)

            await counter.payOneMonth("Pradhanang")
            #expect(try await counter.state.outcome().headline == "PAID")
            await counter.press(.enter)

            await counter.press(.function(3))
            guard case .shiftReport(let x) = await counter.state.screen else { throw FlowError("not on the X report") }
            #expect(x.report?.paid == ShiftReport.Tally(count: 1, amount: Money(rupees: 1695)))
            #expect(x.report?.expectedCash == Money(rupees: 2695))
            #expect(x.lines.contains { $0.text.contains("X REPORT") })
            await counter.press(.character("p"))
            guard case .shiftReport(let printed) = await counter.state.screen, case .printed(let note) = printed.printStatus else {
                throw FlowError("the X report was not printed")
            }
            let day = ClerkDates.day(counter.clock.now, in: CounterCalendar.nepal)
            let xFile = counter.receiptsFolder.appendingPathComponent("\(day)_Counter1_shift1_X.txt")
            #expect(note == "saved as \(xFile.path)")
            #expect(try String(contentsOf: xFile, encoding: .utf8).contains("X REPORT"))

            await counter.press(.character("c"))
            await counter.type("2,690")
            await counter.press(.tab)
            await counter.type("Rs. 5 short")
            await counter.press(.enter)
            guard case .shiftClose(let confirming) = await counter.state.screen else { throw FlowError("not closing") }
            #expect(confirming.difference == Money(rupees: -5))
            await counter.press(.character("y"))

            guard case .shiftOpen(let reopen) = await counter.state.screen, let closed = reopen.closed else {
                throw FlowError("not back on the shift-open screen with the closed shift")
            }
            #expect(await counter.state.header.hasNoShift)
            let kept = try #require(try await counter.journal.shift(id: shift.id))
            #expect(!kept.isOpen && kept.countedCash == Money(rupees: 2690) && kept.note == "Rs. 5 short")
            #expect(closed.report == kept.closingReport)
            #expect(closed.report.difference == Money(rupees: -5))
            let zFile = counter.receiptsFolder.appendingPathComponent("\(day)_Counter1_shift1_Z.txt")
            #expect(closed.printStatus == .printed("saved as \(zFile.path)"))
            // The Z report printed is the one the journal keeps, marked SANDBOX, 42 columns.
            let z = try String(contentsOf: zFile, encoding: .utf8)
            #expect(z == ShiftReportLayout.document(for: try #require(kept.closingReport), environment: .sandbox).text)
            #expect(z.contains("SANDBOX") && z.contains("Z REPORT") && z.contains("SHORT"))
            #expect(z.split(separator: "\n").allSatisfy { $0.count <= 42 })
        }
    }

    @Test("the shift closed at another terminal while a payment was being confirmed: nothing sent, the console asks for a shift")
    func closedElsewhere() async throws {
        try await LiveCounter.with { counter in
            await counter.type("Pradhanang")
            await counter.press(.enter)
            await counter.press(.character("1"))
            guard case .confirmation = await counter.state.screen else { throw FlowError("not confirming") }
            // Another terminal at this counter counts the drawer and closes the shift.
            _ = try await counter.desk.closeShift(counter: "Counter 1", counted: Money(rupees: 1000), note: "back office")
            counter.clock.advance(seconds: 2)
            await counter.press(.character("y"))

            guard case .shiftOpen(let open) = await counter.state.screen else { throw FlowError("not on the shift-open screen") }
            #expect(open.notice?.contains("nothing was sent: give back any cash taken for this payment") == true)
            #expect(try await counter.journalPayments().isEmpty)
            #expect(try await counter.ledger().isEmpty)
            #expect(await counter.state.header.hasNoShift)

            // A new shift, and the customer's username is back to look up again.
            await counter.type("500")
            await counter.press(.enter)
            #expect(try await counter.state.usernameEntry() == UsernameEntryScreen(text: "Pradhanang", isSelected: true))
            #expect(try await counter.journal.currentShift(counter: "Counter 1")?.number == 2)
        }
    }

    @Test("closing refused while the counter's payment is on its way: said on the screen, the shift stays open")
    func paymentOnItsWay() async throws {
        try await LiveCounter.with { counter in
            // Another process of this counter wrote an intent and is sending it now.
            let shift = try #require(try await counter.journal.currentShift(counter: "Counter 1"))
            _ = try await counter.journal.prepare(
                PaymentIntent(
                    reference: try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0X"), khaltiEnvironment: counter.desk.khaltiEnvironment,
                    username: try Username("queuedok"), customerName: "Bikash Tamang - Home",
                    plan: Plan(duration: .oneMonth, amount: Money(rupees: 1695)), counter: "Counter 1", operatorName: "Sita",
                    createdAt: counter.clock.now),
                refusingIfPaidSince: nil)
            await counter.press(.function(3))
            await counter.press(.character("c"))
            guard case .shiftClose(let closing) = await counter.state.screen else { throw FlowError("not closing") }
            #expect(closing.paymentsOnTheirWay == 1)
            await counter.type("2695")
            await counter.press(.enter)
            await counter.press(.character("y"))
            guard case .shiftClose(let refused) = await counter.state.screen else { throw FlowError("left the close screen") }
            #expect(refused.error?.reason.hasPrefix("A payment of this shift is still on its way to Khalti (ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0X)") == true)
            #expect(try await counter.journal.currentShift(counter: "Counter 1")?.id == shift.id)
        }
    }
}
