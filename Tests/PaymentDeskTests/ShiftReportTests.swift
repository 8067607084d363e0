import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import SQLiteJournal
import Testing

/// A shift with every outcome in it, through the real desk, sandbox and journal: the
/// X report, the Z report kept at the close, and the journal's own history of the same
/// payments add up to the same money; a payment held at the close settles in the next
/// shift and is counted there, once.
@Suite("Desk: shift reports")
struct ShiftReportTests {
    static let counter = "counter-1"

    /// Totals by state from the journal's history, the way `history --totals` adds them.
    static func totals(_ records: [PaymentRecord]) -> [PaymentState: ShiftReport.Tally] {
        var totals: [PaymentState: ShiftReport.Tally] = [:]
        for record in records { totals[record.state, default: .zero].add(record.amount) }
        return totals
    }

    @Test("every outcome in one shift: X and Z equal the journal's history; a held payment settles in the next shift")
    func everyOutcome() async throws {
        let faults = [
            FaultRule(call: .commit, username: "duecustomer", times: 1, effect: .dropConnection),
            FaultRule(call: .commit, username: "expired", times: 1, effect: .httpError(status: 502)),
        ]
        try await DeskHarness.with(SandboxConfiguration(faults: faults)) { harness in
            let desk = harness.desk
            let shift = try #require(try await desk.currentShift(counter: Self.counter))
            // The harness opened it without a balance; this one asks Khalti.
            _ = try await harness.journal.closeShift(
                ShiftClosing(shiftID: shift.id, countedCash: shift.openingFloat, closingBalance: nil, note: nil, at: harness.clock.now)
            ) { ShiftReporter.report($0, balanceNow: nil, takenAt: harness.clock.now) }
            harness.clock.advance(60)
            guard case .opened(let today) = try await desk.openShift(counter: Self.counter, operator: "Sita", float: Money(rupees: 2000)) else {
                Issue.record("no shift"); return
            }
            #expect(today.number == 2)
            #expect(today.openingBalance == Money(rupees: 100_000))

            guard case .paid = try await harness.pay("Pradhanang") else { Issue.record("paid"); return }
            guard case .paid = try await harness.pay("singleplan") else { Issue.record("paid single"); return }
            guard case .notPaid = try await harness.pay("failnow") else { Issue.record("not paid"); return }
            guard case .held(let held, _) = try await harness.pay("duecustomer") else { Issue.record("held"); return }
            guard case .held(let unknown, _) = try await harness.pay("expired") else { Issue.record("held 502"); return }
            guard case .held(let queued, _) = try await harness.pay("queuedok", months: .threeMonths) else { Issue.record("queued"); return }
            _ = try await desk.moveCash(counter: Self.counter, .into, amount: Money(rupees: 500), reason: "change", operator: "Sita")
            _ = try await desk.moveCash(counter: Self.counter, .outOf, amount: Money(rupees: 1000), reason: "safe", operator: "Sita")
            _ = try await desk.noteDrawerOpened(counter: Self.counter, reason: NewDrawerOpening.forPayment, operator: "Sita")
            _ = try await desk.noteDrawerOpened(counter: Self.counter, reason: "change for a customer", operator: "Sita")

            let x = try await desk.report(shiftID: today.id)
            let history = Self.totals(try await harness.journal.history(HistoryFilter(shiftID: today.id)))
            #expect(!x.isClosing)
            #expect(x.paid == history[.paid])
            #expect(x.paid.count == 2)
            #expect(x.notPaid == history[.notPaid])
            #expect(x.held == history[.held])
            #expect(Set(x.heldPayments.map(\.reference)) == [held.reference, unknown.reference, queued.reference])
            #expect(x.paidByPlan[1]?.count == 2 && x.paidByPlan[3] == nil)
            #expect(x.cashInTotal == Money(rupees: 500) && x.cashOutTotal == Money(rupees: 1000))
            let paid = history[.paid]?.amount ?? .zero
            let heldAmount = history[.held]?.amount ?? .zero
            #expect(x.expectedCash == Money(rupees: 2000) + paid + heldAmount + Money(rupees: 500) - Money(rupees: 1000))
            #expect(x.drawerOpenings == 2 && x.drawerOpeningsWithoutPayment == 1)
            // Khalti already took two of the held payments (the dropped answer, the queued one):
            // the balance fell by more than was paid, and the report shows by how much.
            #expect(x.khaltiBalanceDrop == paid + held.amount + queued.amount)
            #expect(x.khaltiDifference == held.amount + queued.amount)
            #expect(x.firstReceipt != nil && x.lastReceipt != nil && x.firstReceipt != x.lastReceipt)

            let closed = try await desk.closeShift(counter: Self.counter, counted: x.expectedCash - Money(rupees: 10), note: "short by 10")
            let z = try #require(closed.closingReport)
            #expect(z.isClosing)
            #expect(z.paid == x.paid && z.held == x.held && z.notPaid == x.notPaid)
            #expect(z.difference == Money(rupees: -10))
            #expect(z.note == "short by 10")
            #expect(try await desk.report(shiftID: today.id) == z, "a closed shift's report is the one kept at the close")

            // The next shift: the three held payments settle there, two paid, one not received.
            harness.clock.advance(60)
            guard case .opened(let next) = try await desk.openShift(counter: Self.counter, operator: "Ram", float: Money(rupees: 1000)) else {
                Issue.record("next shift"); return
            }
            for _ in 0..<4 { _ = await harness.reconcile(after: 6 * 60) }
            #expect(try await harness.record(held).state == .paid)
            #expect(try await harness.record(queued).state == .paid)
            #expect(try await harness.record(unknown).state == .notReceived)
            let nextReport = try await desk.report(shiftID: next.id)
            #expect(nextReport.paid == .zero)
            #expect(nextReport.settledPaid == ShiftReport.Tally(count: 2, amount: held.amount + queued.amount))
            #expect(nextReport.settledNotPaid == ShiftReport.Tally(count: 1, amount: unknown.amount))
            #expect(nextReport.settledPayments.allSatisfy { $0.shiftNumber == 2 })
            #expect(nextReport.expectedCash == Money(rupees: 1000) - unknown.amount, "the cash owed back leaves this drawer")
            // The closed shift's report did not move.
            #expect(try await desk.report(shiftID: today.id) == z)
            // Counted once: paid in the shift that took it, or settled paid in a later one.
            let allPaid = Self.totals(try await harness.journal.history(HistoryFilter(states: [.paid])))[.paid]?.amount ?? .zero
            #expect(z.paid.amount + nextReport.settledPaid.amount == allPaid)
        }
    }

    @Test("a shift with a payment on its way cannot close; nothing changes")
    func paymentOnItsWay() async throws {
        let paused = Gate()
        try await DeskHarness.with(hooks: DeskHooks { _ in await paused.arriveAndWait() }) { harness in
            async let outcome = harness.pay("Pradhanang")
            await paused.waitForArrival()
            await #expect(throws: JournalError.self) {
                try await harness.desk.closeShift(counter: Self.counter, counted: .zero, note: nil)
            }
            #expect(try await harness.desk.currentShift(counter: Self.counter)?.isOpen == true)
            paused.open()
            guard case .paid = try await outcome else { Issue.record("not paid"); return }
            _ = try await harness.desk.closeShift(counter: Self.counter, counted: .zero, note: nil)
            #expect(try await harness.desk.currentShift(counter: Self.counter) == nil)
        }
    }
}
