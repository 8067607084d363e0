import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import Testing

@Suite("Desk: nothing Khalti says is dropped (issue 20, findings 3 and 4)")
struct LateAnswerTests {
    static let fiveMinutes: TimeInterval = 300
    /// A rule on every status lookup that changes nothing: its `fired` counts the lookups.
    static let statusCounter = FaultRule(call: .status, effect: .latency(milliseconds: 0))

    static func lookups(_ harness: DeskHarness) -> Int {
        harness.sandbox.faultStatuses().last?.fired ?? -1
    }

    @Test("finding 3: a late Success on a payment a person decided NOT PAID flags it with both facts; a person then settles it paid")
    func lateSuccessFlagged() async throws {
        // The dropped answer: Khalti applied the payment, the counter never heard.
        let faults = [FaultRule(call: .commit, times: 1, effect: .dropConnection), Self.statusCounter]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            #expect(try await harness.ledgerCount(held) == 1, "Khalti applied it")
            let decided = try await harness.desk.resolve(held.reference, as: .notPaid, by: "Ram", note: "customer left")
            #expect(decided.state == .notPaid)

            let report = await harness.reconcile(after: 60)
            let change = try #require(report.changes.first { $0.after.reference == held.reference })
            let record = try await harness.record(held)
            #expect(record.state == .notPaid, "the state does not move by itself")
            let clock = DeskHarness.kathmandu.clock(of: try #require(try await harness.journal.events(of: held.reference).last { $0.actor == "Ram" }).at)
            let time = String(format: "%02d:%02d", clock.hour, clock.minute)
            #expect(record.attention == "recorded NOT PAID by Ram at \(time) after 'customer left'; Khalti says Success")
            #expect(change.after.attention == record.attention)
            #expect(Self.lookups(harness) == 1)
            let event = try #require(try await harness.journal.events(of: held.reference).last)
            #expect(event.from == .notPaid && event.to == .notPaid && event.evidence.note.contains("Khalti says Success"))
            #expect(try await harness.journal.history(HistoryFilter(needsAttention: true)).map(\.reference) == [held.reference])
            // The clerk's held list names it (NEEDS A PERSON), though it is no longer held.
            #expect(try await harness.desk.heldPayments().map(\.reference) == [held.reference])

            // Flagged, it is not looked up again: a person has it.
            _ = await harness.reconcile(after: 60)
            #expect(Self.lookups(harness) == 1)

            // The shift's Z report names it, with both facts.
            let closed = try await harness.desk.closeShift(counter: record.counter, counted: .zero, note: nil)
            let named = try #require(closed.closingReport?.needsPerson)
            #expect(named.map(\.reference) == [held.reference])
            #expect(named.first?.state == .notPaid && named.first?.attention == record.attention)

            let paid = try await harness.desk.resolve(held.reference, as: .paid, by: "Sita", note: "portal says Success")
            #expect(paid.state == .paid)
            #expect(paid.attention == nil)
            #expect(try await harness.journal.history(HistoryFilter(needsAttention: true)).isEmpty)
            #expect(try await harness.desk.heldPayments().isEmpty)
            // Settled against Khalti's answer: the same Success reopens nothing.
            let answer = try await harness.desk.gateway.lookUp(held.reference)
            #expect(try await harness.desk.notePaidLookup(answer, of: held.reference) == nil)
        }
    }

    @Test("finding 4: a decision made against an amount disagreement is not reopened by the same answer; a different one reopens it")
    func sameAnswerDoesNotReopen() async throws {
        let faults = [FaultRule(call: .status, times: 1, effect: .wrongAmount)]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("queuedok") else { Issue.record("not held"); return }
            let flagged = await harness.reconcile(after: Self.fiveMinutes)
            #expect(flagged.changes.first?.after.attention != nil, "the amounts disagree")
            let paid = try await harness.desk.resolve(held.reference, as: .paid, by: "Ram", note: "took it at the counter's amount")
            #expect(paid.state == .paid)

            // `arrownet status`: a live lookup returning the same disagreement.
            _ = harness.sandbox.add(FaultRule(call: .status, times: 1, effect: .wrongAmount))
            let same = try await harness.desk.gateway.lookUp(held.reference)
            #expect(try await harness.desk.notePaidLookup(same, of: held.reference) == nil, "the same answer reopens nothing")
            #expect(try await harness.record(held).attention == nil)
            await #expect(throws: JournalError.notResolvable(reference: held.reference, state: .paid)) {
                try await harness.desk.resolve(held.reference, as: .notPaid, by: "Sita", note: "second opinion")
            }
            #expect(try await harness.record(held).state == .paid, "never PAID -> NOT PAID by a second opinion on the same answer")

            // A different answer (Khalti refunded it since) does reopen it.
            _ = try await harness.sandbox.refund(reference: held.reference.value)
            let refunded = try await harness.desk.gateway.lookUp(held.reference)
            let reopened = try #require(try await harness.desk.notePaidLookup(refunded, of: held.reference))
            #expect(reopened.state == .paid)
            #expect(reopened.attention != nil)
        }
    }

    @Test("today's person-decided NOT PAID is looked up once: Khalti agreeing writes no flag, and it is not asked again")
    func decidedLookedUpOnce() async throws {
        let faults = [FaultRule(call: .commit, times: 1, effect: .httpError(status: 502)), Self.statusCounter]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            _ = try await harness.desk.resolve(held.reference, as: .notPaid, by: "Ram", note: "customer left")
            let first = await harness.reconcile(after: 60)
            #expect(first.changes.isEmpty, "Khalti does not know it: the decision stands")
            #expect(Self.lookups(harness) == 1)
            let record = try await harness.record(held)
            #expect(record.attention == nil && record.decidedAgainst != nil)
            _ = await harness.reconcile(after: 60)
            _ = await harness.reconcile(after: 60, schedule: .all)
            #expect(Self.lookups(harness) == 1, "looked up once")
        }
    }

    @Test("a NOT RECEIVED payment (never an answer from Khalti) is looked up once more, then not again")
    func notReceivedThenLateSuccess() async throws {
        let faults = [FaultRule(call: .commit, times: 1, effect: .httpError(status: 502)), Self.statusCounter]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            for _ in 0..<3 { _ = await harness.reconcile(after: 1, schedule: .all) }
            let late = await harness.reconcile(after: 15 * 60, schedule: .all)
            #expect(late.changes.map(\.after.state) == [.notReceived])
            // The settling run looked it up (4 lookups) and then once more (the once-only check).
            #expect(Self.lookups(harness) == 5)
            _ = await harness.reconcile(after: 60)
            #expect(Self.lookups(harness) == 5, "once only")
            #expect(try await harness.record(held).attention == nil)
        }
    }
}
