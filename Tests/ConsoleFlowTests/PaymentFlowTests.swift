import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiSandbox
import PaymentJournal
import Testing

/// Whole payments typed into the console with the live environment: what the clerk
/// ends up reading, what the journal holds and what Khalti's ledger holds.
@Suite("Console flows: payments")
struct PaymentFlowTests {
    @Test("paid: y needs a moment on the confirmation; receipt saved, journal paid, one ledger entry, balance down")
    func paid() async throws {
        try await LiveCounter.with { counter in
            await counter.type("Pradhanang")
            await counter.press(.enter)
            #expect(try await counter.state.account().account.fullName == "Ashish Pradhanang - Home")
            await counter.press(.character("1"))
            // A y typed before the confirmation could be read is ignored.
            await counter.press(.character("y"))
            guard case .confirmation(let confirming) = await counter.state.screen else { throw FlowError("not confirming") }
            #expect(confirming.notice?.hasPrefix("That y came before the confirmation was on screen") == true)
            #expect(try await counter.ledger().isEmpty)
            counter.clock.advance(seconds: 1)
            await counter.press(.character("y"))

            let state = await counter.state
            let outcome = try state.outcome()
            let record = try #require(try await counter.journalPayments().first)
            #expect(outcome.headline == "PAID")
            #expect(outcome.reason == "Khalti says the payment succeeded.")
            #expect(record.transactionID != nil && outcome.payment?.transactionID == record.transactionID)
            #expect(outcome.nextStep == "Keep the cash and give the receipt.")
            let receipt = try #require(outcome.receipt)
            let saved = counter.receiptsFolder.appendingPathComponent(
                "\(ClerkDates.day(receipt.paidAt, in: CounterCalendar.nepal))_\(receipt.number).txt")
            // Where it went is said once, on the result, whole.
            #expect(outcome.printStatus == .printed("saved as \(saved.path)"))
            #expect(state.statusMessage == nil)
            #expect(try String(contentsOf: saved, encoding: .utf8) == ReceiptLayout.text(for: receipt))
            #expect(state.header.balance == LiveCounter.openingBalance - Money(rupees: 1_695))

            #expect(try await counter.journalPayments().map(\.state) == [.paid])
            #expect(record.amount == Money(rupees: 1_695) && record.counter == "Counter 1" && record.operatorName == "Sita")
            let ledger = try await counter.ledger()
            #expect(ledger.map(\.reference) == [record.reference.value])
            #expect(ledger.map(\.state) == [.success])

            // r prints it again, marked, into its own file.
            await counter.press(.character("r"))
            let reprint = counter.receiptsFolder.appendingPathComponent(
                "\(ClerkDates.day(receipt.paidAt, in: CounterCalendar.nepal))_\(receipt.number)_reprint.txt")
            #expect(try await counter.state.outcome().printStatus == .printed("saved as \(reprint.path)"))
            #expect(try String(contentsOf: reprint, encoding: .utf8).contains("*** REPRINT ***"))
            #expect(try await counter.ledger().count == 1)
        }
    }

    @Test("held then paid by reconciliation: Queued is held; look up now on the held list settles it paid")
    func heldThenPaid() async throws {
        try await LiveCounter.with { counter in
            await counter.payOneMonth("queuedok")
            let held = try await counter.state.outcome()
            #expect(held.headline == "HELD")
            #expect(held.reason == "Khalti says the payment is Queued, not final yet. It may have gone through: it will be looked up, never sent again.")
            #expect(held.nextStep.hasPrefix("Keep the cash aside and do not take this payment again"))
            #expect(held.tellCustomer?.contains("please do not pay again") == true)
            #expect(held.receipt == nil)
            #expect(await counter.state.header.heldCount == 1)
            #expect(try await counter.journalPayments().map(\.state) == [.held])
            #expect(try await counter.ledger().map(\.state) == [.queued])

            await counter.press(.function(5))
            #expect(try await counter.state.heldList().payments.map(\.state) == [.held])
            // Khalti asks for five minutes before a lookup.
            counter.clock.advance(seconds: 5 * 60)
            await counter.press(.character("l"))

            let list = try await counter.state.heldList()
            #expect(list.payments.map(\.state) == [.paid])
            #expect(list.notice == "Looked up 1: 1 paid, 0 to refund, 0 still held.")
            #expect(list.lookupError == nil)
            #expect(await counter.state.header.heldCount == 0)
            let records = try await counter.journalPayments()
            #expect(records.map(\.state) == [.paid])
            let ledger = try await counter.ledger()
            #expect(ledger.map(\.state) == [.success])
            #expect(ledger.map(\.reference) == records.map(\.reference.value))

            // Its receipt, from the list.
            await counter.press(.character("p"))
            let note = try #require(await counter.state.statusMessage)
            #expect(note.hasPrefix("Receipt printed: saved as \(counter.receiptsFolder.path)/"))
        }
    }

    @Test("not paid: Khalti says Failed; refund the customer, no receipt, the balance is back")
    func notPaid() async throws {
        try await LiveCounter.with { counter in
            await counter.payOneMonth("failnow")
            let state = await counter.state
            let outcome = try state.outcome()
            #expect(outcome.headline == "NOT PAID")
            #expect(outcome.reason.hasPrefix("Khalti says the payment failed."))
            #expect(outcome.nextStep == "Give the customer their money back.")
            #expect(outcome.receipt == nil && state.lastReceipt == nil)
            #expect(!FileManager.default.fileExists(atPath: counter.receiptsFolder.path))
            #expect(state.header.balance == LiveCounter.openingBalance)
            #expect(try await counter.journalPayments().map(\.state) == [.notPaid])
            #expect(try await counter.ledger().map(\.state) == [.failed])
        }
    }

    @Test("a dropped connection after Khalti paid: held, never resent; the lookup finds it paid; one ledger entry")
    func droppedConnection() async throws {
        try await LiveCounter.with(faults: [FaultRule(call: .commit, username: "Pradhanang", times: 1, effect: .dropConnection)]) { counter in
            await counter.payOneMonth("Pradhanang")
            let held = try await counter.state.outcome()
            #expect(held.headline == "HELD")
            #expect(held.reason == "No answer came from Khalti. It may have gone through: it will be looked up, never sent again.")
            #expect(try await counter.journalPayments().map(\.state) == [.held])
            #expect(try await counter.ledger().map(\.state) == [.success])

            await counter.press(.function(5))
            counter.clock.advance(seconds: 5 * 60)
            await counter.press(.character("l"))

            let list = try await counter.state.heldList()
            #expect(list.payments.map(\.state) == [.paid])
            #expect(list.notice == "Looked up 1: 1 paid, 0 to refund, 0 still held.")
            let records = try await counter.journalPayments()
            #expect(records.map(\.state) == [.paid])
            let ledger = try await counter.ledger()
            #expect(ledger.count == 1)
            #expect(records.first?.transactionID != nil)
        }
    }

    @Test("paid at another counter after the lookup: not sent; looked up again, the warning shows and a second payment goes through")
    func paidElsewhereMeanwhile() async throws {
        try await LiveCounter.with { counter in
            await counter.type("Pradhanang")
            await counter.press(.enter)
            #expect(try await counter.state.account().paidTodayWarning == nil)

            // Counter 2 takes the same customer's payment while this clerk reads the plans.
            counter.clock.advance(seconds: 30)
            let account = try await counter.api.accountDetails(for: try Username("Pradhanang"))
            let elsewhere = await counter.desk.pay(
                account: account, plan: try #require(account.plan(for: .oneMonth)), counter: "Counter 2", operator: "Ram",
                unseenSince: counter.desk.startOfToday())
            #expect(elsewhere.summary?.state == .paid)

            await counter.press(.character("1"))
            counter.clock.advance(seconds: 2)
            await counter.press(.character("y"))
            let refused = try await counter.state.outcome()
            #expect(refused.headline == "NOT SENT")
            #expect(refused.reason.hasPrefix("This customer was paid since you looked them up: Rs. 1,695.00 for 1 month at "))
            #expect(refused.reason.hasSuffix(" (Counter 2, Ram)."))
            #expect(refused.nextStep == "Nothing was sent: give back any cash taken for it. "
                + "Look the customer up again, and pay again only if the customer means to.")
            #expect(try await counter.ledger().count == 1)

            // Looked up again, the clerk sees the payment; confirming pays again, knowingly.
            await counter.press(.enter)
            await counter.type("Pradhanang")
            await counter.press(.enter)
            #expect(try await counter.state.account().paidTodayWarning?.hasPrefix("Already paid today at ") == true)
            await counter.press(.character("1"))
            counter.clock.advance(seconds: 2)
            await counter.press(.character("y"))
            #expect(try await counter.state.outcome().headline == "PAID")
            #expect(try await counter.journalPayments().map(\.state) == [.paid, .paid])
            #expect(try await counter.ledger().count == 2)
        }
    }
}
