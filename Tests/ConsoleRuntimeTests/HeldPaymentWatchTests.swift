import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

/// The background lookups of held payments: asked when due on the journal's schedule,
/// their news applied by the driver, never in the way of a clerk or of quitting.
@Suite("Background lookups of held payments")
struct HeldPaymentWatchTests {
    /// A sleep that records how long it was asked for and returns at once (after a
    /// moment, so the loop cannot spin), or waits until cancelled once `stopAfter` sleeps are done.
    final class Sleeps: Sendable {
        let asked = Locked<[Duration]>([])
        let stopAfter: Int

        init(stopAfter: Int) { self.stopAfter = stopAfter }

        func sleep(_ duration: Duration) async throws {
            let count = asked.withLock { $0.append(duration); return $0.count }
            if count >= stopAfter {
                try await Task.sleep(for: .seconds(3600))
            }
            try await Task.sleep(for: .milliseconds(1))
        }
    }

    static let paid = SettledPayment(
        before: .held, payment: World.summary(for: World.order(), state: .paid, reference: "ARNBG1", at: World.morning),
        note: "Lookup: Khalti says paid.")

    @Test("not due yet: it sleeps until the due time (at most a poll); due: it looks up, and the console applies the news")
    func dueThenReconciled() async {
        let sleeps = Sleeps(stopAfter: 3)
        // One payment held, due in 4 s; once looked up (and paid) nothing is held.
        let due = Locked<Date?>(World.morning.addingTimeInterval(4))
        let world = ConsoleDriverTests.harness { environment, clock, calls in
            environment.nextHeldLookup = { due.withLock { $0 } }
            environment.reconcileDue = {
                calls.record("reconcile at \(Int(clock.now.timeIntervalSince(World.morning)))")
                due.withLock { $0 = nil }
                return HeldReconciliation(settled: [Self.paid], held: [])
            }
        }
        await world.driver.start()
        await world.driver.whenIdle()
        await world.driver.follow(HeldPaymentWatch.actions(
            environment: world.environment, poll: .seconds(15), sleep: { duration in
                // Time passes as the watch sleeps.
                world.clock.advance(seconds: duration.secondsForTests)
                try await sleeps.sleep(duration)
            }))
        await ConsoleDriverTests.eventually { sleeps.asked.withLock { $0.count } >= 3 }
        // Due in 4 s: sleep 4 s; then due: look up; then a full poll before asking again.
        #expect(sleeps.asked.withLock { $0 } == [.seconds(4), .seconds(15), .seconds(15)])
        #expect(world.calls.all.filter { $0.hasPrefix("reconcile") } == ["reconcile at 4"])
        await ConsoleDriverTests.eventually { await world.state.notices.shown.count == 1 }
        await world.driver.whenIdle()
        #expect(await world.state.notices.shown.map(\.text) == ["Pradhanang: now PAID - receipt printed"])
        #expect(world.calls.all.contains("print ARNBG1"))
        await world.driver.stop()
    }

    @Test("nothing held: it only asks again after a poll")
    func nothingHeld() async {
        let sleeps = Sleeps(stopAfter: 2)
        let world = ConsoleDriverTests.harness { environment, _, calls in
            environment.nextHeldLookup = { nil }
            environment.reconcileDue = {
                calls.record("reconcile")
                return nil
            }
        }
        await world.driver.follow(HeldPaymentWatch.actions(
            environment: world.environment, poll: .seconds(15), sleep: { try await sleeps.sleep($0) }))
        await ConsoleDriverTests.eventually { sleeps.asked.withLock { $0.count } >= 2 }
        #expect(sleeps.asked.withLock { $0 } == [.seconds(15), .seconds(15)])
        #expect(!world.calls.all.contains("reconcile"))
        await world.driver.stop()
    }

    @Test("a lookup on the wire never holds up typing, and stopping the console cancels it without waiting")
    func neverInTheWay() async {
        let wire = PendingCall<HeldReconciliation>()
        let world = ConsoleDriverTests.harness { environment, _, _ in
            environment.nextHeldLookup = { World.morning.addingTimeInterval(-60) }
            environment.reconcileDue = { await wire.wait() }
        }
        await world.driver.follow(HeldPaymentWatch.actions(environment: world.environment))
        await ConsoleDriverTests.eventually { wire.hasStarted }
        await world.type("Prad")
        #expect(await world.state.screen == .usernameEntry(UsernameEntryScreen(text: "Prad")))
        let stopped = ContinuousClock.now
        await world.driver.stop()
        await world.driver.whenIdle()
        await ConsoleDriverTests.eventually { wire.wasCancelled }
        #expect(ContinuousClock.now - stopped < .seconds(2))
        // An answer after the stop is not applied.
        wire.answer(HeldReconciliation(settled: [Self.paid], held: []))
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await world.state.notices.shown.isEmpty)
    }
}

extension Duration {
    var secondsForTests: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
