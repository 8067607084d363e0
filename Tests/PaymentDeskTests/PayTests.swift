import ArrownetDomain
import Foundation
import NetworkTestSupport
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("Desk: the payment path against the sandbox")
struct PayTests {
    @Test("paid: intent, sending, paid, Khalti's id, one ledger entry")
    func paid() async throws {
        try await DeskHarness.with { harness in
            let outcome = try await harness.pay("Pradhanang", months: .threeMonths)
            guard case .paid(let summary) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(summary.amount == Money(paisa: 508_500))
            #expect(summary.duration == .threeMonths)
            #expect(summary.customerName == "Ashish Pradhanang - Home")
            #expect(summary.counter == "counter-1")
            #expect(summary.operatorName == "sita")
            #expect(summary.transactionID != nil)
            #expect(try await harness.ledgerCount(summary) == 1)
            let events = try await harness.journal.events(of: summary.reference)
            #expect(events.map(\.to) == [.prepared, .sending, .paid])
            #expect(events.last?.evidence.httpStatus == 200)
            #expect(try await harness.record(summary).sentAt != nil)
        }
    }

    @Test("failed at once: not paid, nothing to look up")
    func failedAtOnce() async throws {
        try await DeskHarness.with { harness in
            let outcome = try await harness.pay("failnow")
            guard case .notPaid(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.contains("failed"))
            #expect(summary.nextLookupAt == nil)
            #expect(try await harness.desk.openPayment(for: try Username("failnow")) == nil)
        }
    }

    @Test("nothing listening: the payment provably never left, so it is not paid")
    func notSent() async throws {
        try await DeskHarness.with { harness in
            let account = try await harness.account("Pradhanang")
            // A port that refuses connections (a stopped server's port can be taken by
            // another test's server at once).
            let closed = try ClosedPort()
            defer { withExtendedLifetime(closed) {} }
            let api = try KhaltiAPI(
                endpoint: try KhaltiEndpoint(parsing: closed.baseURL), token: try KhaltiToken(SandboxToken.value),
                timeouts: KhaltiTimeouts(connect: 1))
            let desk = PaymentDesk(store: harness.journal, gateway: .live(api), environment: harness.desk.environment)
            let outcome = await desk.pay(account: account, plan: account.plans[0], counter: "c", operator: "o", unseenSince: harness.desk.startOfToday())
            await api.shutdown()
            guard case .notPaid(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.contains("never left"))
            #expect(summary.state == .notPaid)
        }
    }

    @Test(
        "a refusal Khalti answered (1016 low balance, 1019 maintenance) is not paid within seconds, and says why and what to do",
        arguments: [
            (SandboxConfiguration(openingBalance: Money(rupees: 100)), 400, "1016", "balance too low",
             "The counter's Khalti balance (Rs. 100.00) is too low for this payment: nothing was paid. Top it up, then take the payment again."),
            (SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .refusal(code: "1019", status: 400))]), 400, "1019", "maintenance",
             "Khalti's Arrownet service is in maintenance: nothing was paid. Try again later."),
        ])
    func answeredRefusal(configuration: SandboxConfiguration, status: Int, code: String, words: String, sentence: String) async throws {
        try await DeskHarness.with(configuration) { harness in
            let outcome = try await harness.pay("Pradhanang")
            guard case .notPaid(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason == sentence)
            let events = try await harness.journal.events(of: summary.reference)
            #expect(events.map(\.to) == [.prepared, .sending, .held, .notPaid])
            #expect(events[2].evidence.httpStatus == status)
            #expect(events[2].evidence.errorCode == code)
            #expect(events[2].evidence.note.contains(words))
            #expect(events[3].evidence.errorCode == "002", "the lookup that settled it")
            #expect(try await harness.sandbox.ledgerEntries().isEmpty)
            // The customer is free to pay again at once.
            #expect(try await harness.desk.openPayment(for: try Username("Pradhanang")) == nil)
        }
    }


    /// Khalti's rule for an answer of 500 or more: hold, and look up after five minutes,
    /// whatever code it carries (maintenance too: a failing server may have applied it).
    @Test("maintenance answered with HTTP 503 is held for the usual window, not settled by one lookup")
    func maintenanceAt503IsHeld() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .maintenance)])) { harness in
            let outcome = try await harness.pay("Pradhanang")
            guard case .held(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.contains("HTTP 503") && reason.contains("maintenance"), "\(reason)")
            let record = try await harness.record(summary)
            #expect(record.lookupCount == 0, "not looked up while the customer waits")
            #expect(record.nextLookupAt == record.createdAt.addingTimeInterval(DeskHarness.rules.firstLookupDelay), "the usual first lookup")
            #expect(await harness.reconcile(after: 60).nothingLookedUp, "not before Khalti's five minutes")
        }
    }

    @Test("a 4000 on commit whose details say the bill is already paid tells the clerk so; nothing is paid")
    func alreadyPaid() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .alreadyPaid)])) { harness in
            let outcome = try await harness.pay("Pradhanang")
            guard case .notPaid(_, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.hasPrefix("Khalti says this bill is already paid (\"Payment seems to have already been Made!\")"), "\(reason)")
            #expect(reason.contains("Look the customer up again"))
            #expect(try await harness.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test(
        "no clear answer is held, looked up no sooner than five minutes after sending",
        arguments: [
            (FaultRule.Effect.httpError(status: 502), 502 as Int?, nil as String?),
            (.nonJSONBody, 200, nil),
            (.dropConnection, nil, nil),
        ])
    func heldForLater(effect: FaultRule.Effect, status: Int?, code: String?) async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: effect)])) { harness in
            let outcome = try await harness.pay("Pradhanang")
            guard case .held(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.contains("never sent again"))
            let record = try await harness.record(summary)
            #expect(record.nextLookupAt == record.sentAt?.addingTimeInterval(300))
            let event = try #require(try await harness.journal.events(of: summary.reference).last)
            #expect(event.evidence.httpStatus == status)
            #expect(event.evidence.errorCode == code)
            // Held blocks a second payment for the customer; the clerk sees this one.
            #expect(try await harness.pay("Pradhanang") == .blockedByOpenPayment(record.summary))
        }
    }

    @Test("already paid today: a second confirmation is asked, showing when and how much")
    func paidToday() async throws {
        try await DeskHarness.with { harness in
            guard case .paid(let first) = try await harness.pay("Pradhanang", confirm: false) else { Issue.record("first"); return }
            let second = try await harness.pay("Pradhanang", confirm: false)
            #expect(second == .needsSecondConfirmation(paidToday: [first]))
            #expect(try await harness.sandbox.ledgerEntries().count == 1)
            guard case .paid(let again) = try await harness.pay("Pradhanang", confirm: true) else { Issue.record("confirmed"); return }
            #expect(again.reference != first.reference)
            #expect(try await harness.desk.paidPayments(try Username("Pradhanang")).count == 2)
        }
    }

    @Test("a plan the account does not offer, or an account that takes no payment now, is refused before anything is written")
    func refusedBeforeWriting() async throws {
        try await DeskHarness.with { harness in
            let account = try await harness.account("Pradhanang")
            let wrongPrice = Plan(duration: .oneMonth, amount: Money(paisa: 100))
            guard case .refused = await harness.desk.pay(account: account, plan: wrongPrice, counter: "c", operator: "o", unseenSince: harness.desk.startOfToday()) else {
                Issue.record("wrong price"); return
            }
            let noAdvance = try await harness.account("noadvance")
            guard case .refused(let reason) = await harness.desk.pay(
                account: noAdvance, plan: noAdvance.plans[0], counter: "c", operator: "o", unseenSince: harness.desk.startOfToday())
            else { Issue.record("no advance"); return }
            #expect(reason.contains("advance payment"))
            #expect(try await harness.journal.history(HistoryFilter()).isEmpty)
            #expect(try await harness.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test("if the journal cannot be written, nothing is sent")
    func journalUnwritable() async throws {
        try await DeskHarness.with { harness in
            let account = try await harness.account("Pradhanang")
            await harness.journal.close()
            let outcome = await harness.desk.pay(account: account, plan: account.plans[0], counter: "c", operator: "o", unseenSince: Date())
            guard case .notSent(let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(reason.contains("Nothing was sent"))
            #expect(try await harness.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test("another counter starting while an intent waits to be sent leaves it alone: it is sent and paid")
    func liveIntentUntouched() async throws {
        let paused = Gate()
        let hooks = DeskHooks { _ in await paused.arriveAndWait() }
        try await DeskHarness.with(hooks: hooks) { harness in
            async let outcome = harness.pay("Pradhanang")
            await paused.waitForArrival()
            // Another counter starts on the same file while this intent is prepared: its
            // writer is alive, so recovery must not touch it.
            let other = try SQLiteJournal(path: harness.journal.location)
            let otherDesk = PaymentDesk(store: other, gateway: .live(harness.api), environment: harness.desk.environment)
            #expect(try await otherDesk.recoverAtStart(counter: "counter-1").isEmpty)
            #expect(await otherDesk.reconcile().recovered.isEmpty)
            await other.close()
            paused.open()
            guard case .paid = try await outcome else { Issue.record("got \(try await outcome)"); return }
            #expect(try await harness.sandbox.ledgerEntries().count == 1)
        }
    }

    @Test("an intent recovery abandoned before it left (its process stuck past the cutoff) is never sent")
    func abandonedBeforeSending() async throws {
        let paused = Gate()
        let hooks = DeskHooks { _ in await paused.arriveAndWait() }
        try await DeskHarness.with(hooks: hooks) { harness in
            async let outcome = harness.pay("Pradhanang")
            await paused.waitForArrival()
            let other = try SQLiteJournal(path: harness.journal.location)
            let recovered = try await other.recoverStranded(
                at: Date(), lookupDelay: 300, cutoff: harness.clock.now.addingTimeInterval(60), counter: nil)
            await other.close()
            #expect(recovered.map(\.record.state) == [.abandoned])
            paused.open()
            guard case .notPaid(let summary, let reason) = try await outcome else { Issue.record("got \(try await outcome)"); return }
            #expect(summary.state == .abandoned)
            #expect(reason.contains("nothing was paid"))
            #expect(try await harness.sandbox.ledgerEntries().isEmpty)
        }
    }

    @Test("a double confirm starts one payment; the second is shown the first")
    func doubleConfirm() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .latency(milliseconds: 300))])) { harness in
            async let first = harness.pay("Pradhanang")
            async let second = harness.pay("Pradhanang")
            let outcomes = try await [first, second]
            #expect(outcomes.filter { if case .paid = $0 { true } else { false } }.count == 1)
            #expect(outcomes.filter { if case .blockedByOpenPayment = $0 { true } else { false } }.count == 1)
            #expect(try await harness.sandbox.ledgerEntries().count == 1)
        }
    }
}

/// Lets a test hold the desk between writing the intent and sending it.
final class Gate: Sendable {
    private let arrived = AsyncStream<Void>.makeStream()
    private let opened = AsyncStream<Void>.makeStream()

    func arriveAndWait() async {
        arrived.continuation.yield()
        for await _ in opened.stream { return }
    }

    func waitForArrival() async {
        for await _ in arrived.stream { return }
    }

    func open() {
        opened.continuation.yield()
        opened.continuation.finish()
    }
}
