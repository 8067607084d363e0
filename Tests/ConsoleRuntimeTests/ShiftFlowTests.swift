import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

/// A counter's day through the driver, against a fake desk that keeps one shift: no
/// shift at start, one opened from the console's own screen, its X report, the count
/// and the close, the Z report printed, and the shift-open screen again.
@Suite("Shift flows")
struct ShiftFlowTests {
    /// The desk's shift, as a fake journal keeps it.
    final class FakeShifts: Sendable {
        let open = Locked<ShiftReport.ShiftInfo?>(nil)
        let printed = Locked<[String]>([])

        func report(closedAt: Date?, counted: Money?) -> ShiftReport? {
            guard let shift = open.withLock({ $0 }) else { return nil }
            var report = ShiftReport(
                shift: ShiftReport.ShiftInfo(
                    id: shift.id, number: shift.number, counter: shift.counter, operatorName: shift.operatorName,
                    openedAt: shift.openedAt, closedAt: closedAt, openingFloat: shift.openingFloat),
                takenAt: closedAt ?? World.morning)
            report.countedCash = counted
            return report
        }
    }

    static func harness(_ shifts: FakeShifts) -> ConsoleDriverTests.Harness {
        ConsoleDriverTests.harness { environment, clock, calls in
            environment.currentShift = { shifts.open.withLock { $0 } }
            environment.openShift = { name, float in
                calls.record("open shift \(name) \(float.formatted)")
                let shift = ShiftReport.ShiftInfo(
                    id: 11, number: 5, counter: "Counter 1", operatorName: name, openedAt: clock.now, closedAt: nil, openingFloat: float)
                shifts.open.withLock { $0 = shift }
                return .opened(shift)
            }
            environment.shiftReport = { id throws(ConsoleError) in
                calls.record("X report \(id)")
                guard let report = shifts.report(closedAt: nil, counted: nil) else {
                    throw ConsoleError(kind: .unavailable, reason: "no shift", nextStep: "")
                }
                return report
            }
            environment.closeShift = { counted, note in
                calls.record("close \(counted.formatted) \(note ?? "-")")
                guard let report = shifts.report(closedAt: clock.now, counted: counted) else { return .noOpenShift }
                shifts.open.withLock { $0 = nil }
                return .closed(report)
            }
            environment.printShiftReport = { report in
                calls.record("print \(report.isClosing ? "Z" : "X") \(report.shift.number)")
                return "saved as /tmp/\(report.isClosing ? "Z" : "X").txt"
            }
        }
    }

    @Test("no shift at start: opened from the console, its X report printed, counted and closed, the Z report printed")
    func aDay() async {
        let shifts = FakeShifts()
        let world = Self.harness(shifts)
        await world.driver.start()
        await world.driver.whenIdle()
        guard case .shiftOpen = await world.state.screen else { Issue.record("not on the shift-open screen"); return }
        #expect(await world.state.header.hasNoShift)
        await world.type("2,500")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        #expect(await world.state.screen == .usernameEntry(UsernameEntryScreen()))
        #expect(await world.state.header.operatorName == "Sita")
        #expect(await world.state.shift.openShift?.number == 5)

        await world.driver.press(.function(3))
        await world.driver.whenIdle()
        await world.driver.press(.character("p"))
        await world.driver.whenIdle()
        guard case .shiftReport(let x) = await world.state.screen else { Issue.record("not on the X report"); return }
        #expect(x.printStatus == .printed("saved as /tmp/X.txt"))
        #expect(x.lines.contains { $0.text.contains("X REPORT") })

        await world.driver.press(.character("c"))
        await world.type("2500")
        await world.driver.press(.enter)
        await world.driver.press(.character("y"))
        await world.driver.whenIdle()
        guard case .shiftOpen(let open) = await world.state.screen else { Issue.record("not back on the shift-open screen"); return }
        #expect(open.closed?.printStatus == .printed("saved as /tmp/Z.txt"))
        #expect(open.closed?.report.difference == .zero)
        #expect(await world.state.header.hasNoShift)
        #expect(world.calls.all == [
            "open shift Sita Rs. 2,500.00", "X report 11", "print X 5", "discard typeahead", "close Rs. 2,500.00 -", "print Z 5",
        ])
    }
}
