import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("Desk: reconciliation of held payments against the sandbox")
struct ReconcileTests {
    static let fiveMinutes: TimeInterval = 300

    @Test("dropped connection: held, not looked up before five minutes, then found paid; one payment on the ledger")
    func droppedThenPaid() async throws {
        let statusCalls = FaultRule(call: .status, effect: .latency(milliseconds: 0))
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection), statusCalls])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let early = await harness.reconcile(after: Self.fiveMinutes - 1)
            #expect(early.nothingLookedUp)
            #expect(early.notYetDue.map(\.reference) == [held.reference], "named as not due yet")
            // "Look up now" (the console's l) waits for Khalti's five minutes too.
            #expect(await harness.reconcile(schedule: .pastFirstLookup).nothingLookedUp)
            #expect(harness.sandbox.faultStatuses()[1].fired == 0, "no lookup before the delay")

            let report = await harness.reconcile(after: 1)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(report.changes.first?.before == .held)
            let record = try await harness.record(held)
            #expect(record.state == .paid)
            #expect(record.lookupCount == 1)
            #expect(record.transactionID != nil)
            #expect(try await harness.ledgerCount(held) == 1)
            #expect(try await harness.journal.events(of: held.reference).map(\.to) == [.prepared, .sending, .held, .paid])
        }
    }

    @Test("Queued, then Success through a lookup")
    func queuedThenSuccess() async throws {
        try await DeskHarness.with { harness in
            guard case .held(let held, let reason) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            #expect(reason.contains("Queued"))
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(try await harness.record(held).state == .paid)
        }
    }

    @Test("Queued, then Failed through a lookup: not paid")
    func queuedThenFailed() async throws {
        try await DeskHarness.with { harness in
            guard case .held(let held, _) = try await harness.pay("queuedfail") else { Issue.record("not held"); return }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.notPaid])
            #expect(try await harness.record(held).state == .notPaid)
        }
    }

    @Test("still pending: held again, the next lookup on a growing interval")
    func growingInterval() async throws {
        let rules = ReconciliationRules()
        #expect((1...7).map { rules.interval(afterLookups: $0) } == [60, 120, 240, 480, 960, 1800, 1800])
        // queuedok settles after one lookup; a status fault makes the first lookups "pending" ones.
        let config = SandboxConfiguration(customers: try SandboxCustomer.seededCustomers().map { customer in
            var slow = customer
            if customer.username == "queuedok" { slow.settleAfterLookups = 3 }
            return slow
        })
        try await DeskHarness.with(config) { harness in
            guard case .held(let held, _) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            let first = await harness.reconcile(after: Self.fiveMinutes)
            #expect(first.stillHeld.map(\.reference) == [held.reference])
            #expect(first.stillHeld.first?.nextLookupAt == harness.clock.now.addingTimeInterval(60))
            #expect(await harness.reconcile(after: 59).nothingLookedUp)
            let second = await harness.reconcile(after: 1)
            #expect(second.stillHeld.first?.nextLookupAt == harness.clock.now.addingTimeInterval(120))
            let third = await harness.reconcile(after: 120)
            #expect(third.changes.map(\.after.state) == [.paid])
        }
    }

    @Test("unknown reference (002) after silence counts as not received only after three lookups over fifteen minutes")
    func unknownThenNotReceived() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .httpError(status: 502))])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            // Support forcing lookups cannot shorten the window.
            for _ in 0..<4 {
                let report = await harness.reconcile(after: 1, schedule: .all)
                #expect(report.stillHeld.map(\.reference) == [held.reference])
            }
            #expect(try await harness.record(held).unknownReferenceLookups == 4)
            // Past the window since sending: the next 002 decides.
            let late = await harness.reconcile(after: 15 * 60, schedule: .all)
            #expect(late.changes.map(\.after.state) == [.notReceived])
            #expect(try await harness.ledgerCount(held) == 0)
            #expect(try await harness.desk.openPayment(for: try Username("Pradhanang")) == nil)
        }
    }

    /// Khalti's published bulk answer gives an unknown reference as `state: "Error"`,
    /// `response_id: 0`, `amount: 0` and no error code: it must read as 002 does, not as a
    /// payment of Rs. 0.00 for a person, so the window and NOT RECEIVED run in bulk too.
    @Test("two payments lost before Khalti, looked up in bulk: NOT RECEIVED after the window, in both answer shapes",
          arguments: AnswerShapes.allCases)
    func bulkUnknownIsNotReceived(shapes: AnswerShapes) async throws {
        let configuration = SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropBeforeHandling)], shapes: shapes)
        try await DeskHarness.with(configuration) { harness in
            guard case .held(let first, _) = try await harness.pay("Pradhanang"),
                  case .held(let second, _) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            // Two bulk lookups inside Khalti's window: "unknown", still held.
            for _ in 0..<2 {
                let report = await harness.reconcile(after: 6 * 60)
                #expect(report.needingAttention.isEmpty, "\(shapes): \(report.needingAttention)")
                #expect(report.failures.isEmpty, "\(shapes): \(report.failures)")
                #expect(Set(report.stillHeld.map(\.reference)) == [first.reference, second.reference], "\(report)")
            }
            // The third, past fifteen minutes since sending, decides: never received.
            let late = await harness.reconcile(after: 6 * 60)
            #expect(late.changes.map(\.after.state) == [.notReceived, .notReceived], "\(shapes)")
            for held in [first, second] {
                let record = try await harness.record(held)
                #expect(record.attention == nil, "\(shapes): \(held.reference.value) flagged")
                #expect(record.unknownReferenceLookups >= 3)
            }
        }
    }

    @Test("002 after the window but too few lookups is still held")
    func windowNeedsSeveralLookups() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .httpError(status: 500))])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(await harness.reconcile(after: 20 * 60).stillHeld.count == 1)
            #expect(await harness.reconcile(after: 60).stillHeld.count == 1)
            let third = await harness.reconcile(after: 120)
            #expect(third.changes.map(\.after.state) == [.notReceived])
            #expect(try await harness.record(held).lookupCount == 3)
        }
    }

    @Test("a refusal Khalti answered (1016) is settled as not paid in seconds by one lookup; the customer can pay again")
    func refusalSettlesAtOnce() async throws {
        try await DeskHarness.with(SandboxConfiguration(openingBalance: Money(rupees: 100))) { harness in
            let outcome = try await harness.pay("Pradhanang")
            guard case .notPaid(let summary, let reason) = outcome else { Issue.record("got \(outcome)"); return }
            #expect(summary.state == .notPaid)
            #expect(reason.contains("nothing was paid"))
            let record = try await harness.record(summary)
            #expect(record.refusedByKhalti)
            #expect(record.lookupCount == 1)
            let events = try await harness.journal.events(of: summary.reference)
            #expect(events.map(\.to) == [.prepared, .sending, .held, .notPaid])
            #expect(events[2].evidence.errorCode == "1016")
            #expect(try await harness.ledgerCount(summary) == 0)
            #expect(try await harness.desk.openPayment(for: try Username("Pradhanang")) == nil, "not blocked")
        }
    }

    @Test("a refusal whose confirming lookup fails stays held, due at once; the next lookup settles it")
    func refusalLookupFails() async throws {
        let faults = [
            FaultRule(call: .commit, effect: .refusal(code: "1019", status: 400)), FaultRule(call: .status, times: 1, effect: .httpError(status: 502)),
        ]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, let reason) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(reason.contains("maintenance"))
            #expect(!reason.contains("It may have gone through"), "a refusal cannot land later")
            let report = await harness.reconcile()
            #expect(report.changes.map(\.after.state) == [.notPaid], "due at once, one 002 is enough")
            #expect(try await harness.ledgerCount(held) == 0)
        }
    }

    @Test("a server error with an error code (1017) is not a refusal: it waits the usual window")
    func serverErrorCodeWaits() async throws {
        // The commit answers 1017 without handling anything; the desk must not call it refused.
        let failing: (KhaltiAPI) -> KhaltiGateway = { api in
            var gateway = KhaltiGateway.live(api)
            gateway.pay = { _ in PaymentResult(answer: .answered(httpStatus: 500, state: "Error", errorCode: "1017")) }
            return gateway
        }
        try await DeskHarness.with(gateway: failing) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let record = try await harness.record(held)
            #expect(!record.refusedByKhalti)
            #expect(record.firstLookupAt == record.sentAt?.addingTimeInterval(Self.fiveMinutes))
            // One 002 after the five minutes decides nothing.
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.stillHeld.map(\.reference) == [held.reference])
        }
    }

    @Test("a lookup whose amount disagrees is flagged for a person, never resolved, and no longer looked up")
    func amountMismatch() async throws {
        try await DeskHarness.with { harness in
            // Khalti already has T1 for three months; the desk then sends T1 for one month (1013).
            let threeMonths = try #require(try await harness.account("Pradhanang").plan(for: .threeMonths))
            let existing = await harness.api.pay(PaymentRequest(
                username: try Username("Pradhanang"), plan: threeMonths, reference: try PaymentReference("T1")))
            #expect(existing.verdict == .paid)
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(held.reference.value == "T1")

            let report = await harness.reconcile()
            #expect(report.needingAttention.map(\.reference) == [held.reference])
            let record = try await harness.record(held)
            #expect(record.state == .held)
            #expect(record.attention?.contains("Rs. 5,085.00") == true)
            #expect(record.nextLookupAt == nil)
            let later = await harness.reconcile(after: 3600, schedule: .all)
            #expect(later.nothingLookedUp)
            #expect(later.waitingForPerson.map(\.reference) == [held.reference])
            #expect(try await harness.desk.heldPayments().map(\.reference) == [held.reference])
        }
    }

    @Test("a lookup that fails changes nothing")
    func failedLookupChangesNothing() async throws {
        let faults = [
            FaultRule(call: .commit, effect: .dropConnection),
            FaultRule(call: .status, effect: .maintenance),
            FaultRule(call: .bulkStatus, effect: .httpError(status: 502)),
        ]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let before = try await harness.record(held)
            let eventsBefore = try await harness.journal.events(of: held.reference)
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.failures.map(\.payment.reference) == [held.reference])
            #expect(report.failures.first?.kind == .unavailable)
            #expect(report.changes.isEmpty && report.stillHeld.isEmpty)
            #expect(try await harness.record(held) == before)
            #expect(try await harness.journal.events(of: held.reference) == eventsBefore)
        }
    }

    @Test("many held payments go in one bulk lookup")
    func bulk() async throws {
        let counters = [FaultRule(call: .status, effect: .latency(milliseconds: 0)), FaultRule(call: .bulkStatus, effect: .latency(milliseconds: 0))]
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)] + counters)) { harness in
            var held: [PaymentReference] = []
            for name in ["Pradhanang", "duecustomer", "expired", "longname"] {
                guard case .held(let summary, _) = try await harness.pay(name) else { Issue.record("\(name) not held"); return }
                held.append(summary.reference)
            }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(Set(report.changes.map(\.after.reference)) == Set(held))
            #expect(report.changes.allSatisfy { $0.after.state == .paid })
            let fired = harness.sandbox.faultStatuses().map(\.fired)
            #expect(fired[1] == 0, "no single lookups")
            #expect(fired[2] == 1, "one bulk lookup")
        }
    }

    @Test("references a bulk answer leaves out are looked up one by one")
    func bulkOmissionFallsBack() async throws {
        let dropsSecond: (KhaltiAPI) -> KhaltiGateway = { api in
            var gateway = KhaltiGateway.live(api)
            gateway.lookUpMany = { references throws(KhaltiError) in
                var answers = try await api.lookUp(references)
                answers[references[1]] = nil
                return answers
            }
            return gateway
        }
        let statusCalls = FaultRule(call: .status, effect: .latency(milliseconds: 0))
        try await DeskHarness.with(
            SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection), statusCalls]), gateway: dropsSecond
        ) { harness in
            for name in ["Pradhanang", "duecustomer", "expired"] {
                guard case .held = try await harness.pay(name) else { Issue.record("\(name) not held"); return }
            }
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.count == 3)
            #expect(report.changes.allSatisfy { $0.after.state == .paid })
            #expect(harness.sandbox.faultStatuses()[1].fired == 1, "exactly the omitted one was looked up singly")
        }
    }

    @Test("payments sent to another Khalti are never looked up here")
    func otherKhalti() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)])) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let elsewhere = PaymentDesk(
                store: harness.journal, gateway: .live(harness.api), environment: .live, clock: { harness.clock.now })
            let report = await elsewhere.reconcile(schedule: .all)
            #expect(report.nothingLookedUp)
            #expect(report.elsewhere.map(\.reference) == [held.reference], "named as sent elsewhere")
            #expect(try await harness.record(held).state == .held)
        }
    }

    @Test("at start: what a process now gone left sending is held and looked up (never resent), prepared is abandoned")
    func recoveryAtStart() async throws {
        try await DeskHarness.with(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .dropConnection)])) { harness in
            // What a killed process leaves: one intent sent (and applied by Khalti), one not.
            let killed = try SQLiteJournal(path: harness.journal.location)
            let account = try await harness.account("Pradhanang")
            let sent = PaymentIntent(
                reference: try PaymentReference("SENT1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: account.username,
                customerName: account.fullName, plan: account.plans[0], counter: "c", operatorName: "o", createdAt: harness.clock.now)
            _ = try await killed.prepare(sent, refusingIfPaidSince: nil)
            _ = try await killed.markSending(sent.reference, at: harness.clock.now)
            _ = await harness.api.pay(PaymentRequest(username: account.username, plan: account.plans[0], reference: sent.reference))
            let due = try await harness.account("duecustomer")
            let unsent = PaymentIntent(
                reference: try PaymentReference("UNSENT1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: due.username,
                customerName: due.fullName, plan: due.plans[0], counter: "c", operatorName: "o", createdAt: harness.clock.now)
            _ = try await killed.prepare(unsent, refusingIfPaidSince: nil)
            #expect(try await harness.desk.recoverAtStart(counter: "c").isEmpty, "its process still runs")
            killed.closeNow()

            let recovered = try await harness.desk.recoverAtStart(counter: "c")
            #expect(recovered.map(\.after.state) == [.held, .abandoned])
            #expect(try await harness.desk.heldPayments().map(\.reference.value) == ["SENT1"])
            let report = await harness.reconcile(after: Self.fiveMinutes)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(try await harness.sandbox.ledgerEntries(reference: "SENT1").count == 1)
            #expect(try await harness.sandbox.ledgerEntries(reference: "UNSENT1").isEmpty)
        }
    }

    @Test("a payment a stuck process has left sending is recovered while the desk runs, after the stranded time")
    func strandedWhileRunning() async throws {
        try await DeskHarness.with { harness in
            let stuck = try SQLiteJournal(path: harness.journal.location)
            defer { stuck.closeNow() }
            let account = try await harness.account("Pradhanang")
            let intent = PaymentIntent(
                reference: try PaymentReference("STRAND1"), khaltiEnvironment: harness.desk.khaltiEnvironment, username: account.username,
                customerName: account.fullName, plan: account.plans[0], counter: "other", operatorName: "o", createdAt: harness.clock.now)
            _ = try await stuck.prepare(intent, refusingIfPaidSince: nil)
            _ = try await stuck.markSending(intent.reference, at: harness.clock.now)
            #expect(await harness.reconcile(after: 9 * 60).recovered.isEmpty)
            let report = await harness.reconcile(after: 61)
            #expect(report.recovered.map(\.after.state) == [.held])
            // Nothing reached Khalti: 002 until the window has passed.
            #expect(report.stillHeld.map(\.reference.value) == ["STRAND1"])
        }
    }
}

extension ReconcileReport {
    /// Nothing was recovered, looked up or failed: only payments named as waiting.
    var nothingLookedUp: Bool { recovered.isEmpty && changes.isEmpty && stillHeld.isEmpty && failures.isEmpty }
}
