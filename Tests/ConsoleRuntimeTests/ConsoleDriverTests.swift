import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

@Suite("Console driver")
struct ConsoleDriverTests {
    struct Harness {
        let driver: ConsoleDriver
        let renders: RenderLog
        let clock: ManualClock
        let calls: CallLog
        /// The world the driver was given, for a background task to use too.
        let environment: ConsoleEnvironment

        func type(_ text: String) async {
            for character in text { await driver.press(.character(character)) }
        }

        var state: ConsoleState { get async { await driver.state } }
    }

    /// A world where every call answers at once; tests replace what they need.
    static func harness(
        tickInterval: Duration = .seconds(3600),
        _ configure: (inout ConsoleEnvironment, ManualClock, CallLog) -> Void = { _, _, _ in }
    ) -> Harness {
        let clock = ManualClock(World.morning)
        let calls = CallLog()
        var environment = ConsoleEnvironment.unconfigured(now: { clock.now })
        environment.fetchAccount = { username in
            calls.record("details \(username)")
            return World.account(username.value)
        }
        environment.customerPayments = { username in
            calls.record("journal \(username)")
            return []
        }
        environment.heldPayments = { [] }
        environment.currentShift = { World.openShift }
        environment.balance = { Money(rupees: 100_000) }
        environment.printReceipt = { receipt, kickDrawer in
            calls.record("print \(receipt.isReprint ? "REPRINT " : "")\(kickDrawer ? "and open the drawer " : "")\(receipt.reference)")
            return "saved"
        }
        environment.discardTypeahead = { calls.record("discard typeahead") }
        environment.sleep = { duration in try await Task.sleep(for: duration) }
        configure(&environment, clock, calls)
        let renders = RenderLog()
        let driver = ConsoleDriver(
            state: World.initialState(), environment: environment, tickInterval: tickInterval,
            render: { renders.record($0) }
        )
        return Harness(driver: driver, renders: renders, clock: clock, calls: calls, environment: environment)
    }

    /// Waits (briefly, in real time) for something another task does.
    static func eventually(_ condition: () async -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async {
        for _ in 0..<400 {
            if await condition() { return }
            try? await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("condition never became true", sourceLocation: sourceLocation)
    }

    @Test("a whole paid payment: lookup, plan, confirm, pay, receipt printed, balance refreshed")
    func paidPayment() async throws {
        let world = Self.harness { environment, clock, calls in
            environment.pay = { order in
                calls.record("pay \(order.username) \(order.plan.amount.wireString) \(order.plan.duration.months)")
                return World.paid(World.summary(for: order, state: .paid, transactionID: "KTX1", at: clock.now))
            }
            environment.balance = { Money(rupees: 94_915) }
        }
        await world.driver.start()
        await world.driver.whenIdle()
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        guard case .account = await world.state.screen else { Issue.record("not on the account screen"); return }
        await world.driver.press(.character("3"))
        guard case .confirmation = await world.state.screen else { Issue.record("not confirming"); return }
        world.clock.advance(seconds: 2)
        await world.driver.press(.character("y"))
        await world.driver.whenIdle()
        let state = await world.state
        guard case .outcome(let outcome) = state.screen else { Issue.record("no outcome"); return }
        #expect(outcome.result == .paid)
        #expect(outcome.printStatus == .printed("saved"))
        #expect(state.header.balance == Money(rupees: 94_915))
        #expect(world.calls.all == [
            "details Pradhanang", "journal Pradhanang", "discard typeahead", "pay Pradhanang 5085.00 3", "print ARNTEST1",
        ] || world.calls.all == [
            "journal Pradhanang", "details Pradhanang", "discard typeahead", "pay Pradhanang 5085.00 3", "print ARNTEST1",
        ])
        // The renderer saw the sending screen on the way.
        #expect(world.renders.all.contains { if case .sending = $0.screen { true } else { false } })
    }

    @Test("Esc while loading cancels the lookup in flight and shows the username again")
    func escapeCancels() async {
        let call = PendingCall<Account>()
        let world = Self.harness { environment, _, _ in
            environment.fetchAccount = { _ throws(ConsoleError) in
                guard let account = await call.wait() else { throw ConsoleError(kind: .unavailable, reason: "cancelled", nextStep: "") }
                return account
            }
        }
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await Self.eventually { call.hasStarted }
        await world.driver.press(.escape)
        await Self.eventually { call.wasCancelled }
        call.answer(World.account())  // too late: must not land (and unblocks the fake if the cancel failed)
        await world.driver.whenIdle()
        #expect(await world.state.screen == .usernameEntry(UsernameEntryScreen(text: "Pradhanang")))
    }

    @Test("a late answer to a lookup the clerk left never lands, even from a client that ignores cancellation")
    func lateAnswerDropped() async {
        let first = PendingCall<Account>(ignoresCancellation: true)
        let world = Self.harness { environment, _, _ in
            environment.fetchAccount = { username in
                if username.value == "first" { return await first.wait()! }
                return World.account(username.value)
            }
        }
        await world.type("first")
        await world.driver.press(.enter)
        await Self.eventually { first.hasStarted }
        await world.driver.press(.escape)
        await world.driver.press(.control("u"))
        await world.type("second")
        await world.driver.press(.enter)
        // The second lookup lands while the first is still on the wire.
        await Self.eventually { if case .account = await world.state.screen { true } else { false } }
        first.answer(World.account("first"))
        await world.driver.whenIdle()
        #expect(first.wasCancelled)
        guard case .account(let screen) = await world.state.screen else { Issue.record("not on the account screen"); return }
        #expect(screen.account.username.value == "second")
        #expect(await world.state.recentUsernames.map(\.value) == ["second"])
    }

    @Test("a slow network shows progress: ticks count the seconds spent waiting")
    func slowNetworkTicks() async {
        let call = PendingCall<Account>()
        let world = Self.harness(tickInterval: .milliseconds(5)) { environment, _, _ in
            environment.fetchAccount = { _ in await call.wait()! }
        }
        await world.driver.start()
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        world.clock.advance(seconds: 6)
        await Self.eventually {
            if case .loading(let loading) = await world.state.screen { return loading.elapsedSeconds == 6 }
            return false
        }
        guard case .loading(let loading) = await world.state.screen else { return }
        #expect(loading.isSlow)
        call.answer(World.account())
        await Self.eventually { if case .account = await world.state.screen { true } else { false } }
        await world.driver.stop()
    }

    @Test("the one-second ticks run only while the screen shows time passing (loading, sending)")
    func ticksOnlyWhenTimeShows() async {
        let call = PendingCall<Account>()
        let sleeps = Locked(0)
        let world = Self.harness(tickInterval: .milliseconds(5)) { environment, _, _ in
            environment.fetchAccount = { _ in await call.wait()! }
            environment.sleep = { duration in
                sleeps.withLock { $0 += 1 }
                try await Task.sleep(for: duration)
            }
        }
        await world.driver.start()
        await world.type("Pradhanang")
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await !world.driver.isTicking)
        #expect(sleeps.withLock { $0 } == 0, "ticks on the username screen")
        await world.driver.press(.enter)
        #expect(await world.driver.isTicking)
        await Self.eventually { sleeps.withLock { $0 } >= 3 }
        call.answer(World.account())
        await Self.eventually { if case .account = await world.state.screen { true } else { false } }
        #expect(await !world.driver.isTicking)
        try? await Task.sleep(for: .milliseconds(20))  // a sleep under way when the answer came may end
        let settled = sleeps.withLock { $0 }
        try? await Task.sleep(for: .milliseconds(60))
        #expect(sleeps.withLock { $0 } == settled, "ticks after leaving the loading screen")
    }

    @Test("actions from outside the screen (a background task) are applied as they come, until the console stops")
    func followsOffScreenEvents() async {
        let world = Self.harness()
        let held = World.summary(for: World.order(), state: .held, at: World.morning)
        let (events, feed) = AsyncStream.makeStream(of: ConsoleAction.self)
        await world.driver.follow(events)
        feed.yield(.heldPaymentsLoaded(.success([held])))
        await Self.eventually { await world.state.header.heldCount == 1 }
        #expect(world.renders.last?.header.heldCount == 1)
        await world.driver.stop()
        feed.yield(.heldPaymentsLoaded(.success([])))
        try? await Task.sleep(for: .milliseconds(50))
        #expect(await world.state.header.heldCount == 1, "applied after the console stopped")
        feed.finish()
    }

    @Test("a payment in flight is never cancelled: stopping the console waits for its outcome")
    func paymentNotCancelled() async {
        let wire = PendingCall<PaymentOutcome>()
        let world = Self.harness { environment, _, _ in
            environment.pay = { _ in await wire.wait() ?? .notTaken(ConsoleError(kind: .unavailable, reason: "cancelled", nextStep: "")) }
        }
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        await world.driver.press(.enter)
        world.clock.advance(seconds: 1)
        await world.driver.press(.character("y"))
        await Self.eventually { wire.hasStarted }
        await world.driver.press(.character("y"))  // a second submit does nothing
        await world.driver.stop()
        #expect(!wire.wasCancelled)
        let order = World.order()
        wire.answer(World.held(World.summary(for: order, state: .held, at: World.morning), .noAnswer))
        await world.driver.whenIdle()
        guard case .outcome(let outcome) = await world.state.screen else { Issue.record("no outcome"); return }
        #expect(outcome.result == .held)
    }

    @Test("held, then paid by a lookup from the held list: its receipt printed at once, and p prints a copy")
    func heldThenPaid() async {
        let world = Self.harness { environment, clock, calls in
            let held = Locked<[PaymentSummary]>([])
            environment.pay = { order in
                let summary = World.summary(for: order, state: .held, reference: "ARNHELD9", at: clock.now)
                held.withLock { $0 = [summary] }
                return World.held(summary, .serverError(httpStatus: 502))
            }
            environment.heldPayments = { held.withLock { $0 } }
            environment.lookUpHeld = { references in
                calls.record("look up \(references.map(\.value).joined(separator: ","))")
                let settled = held.withLock { payments in
                    payments.map { payment in
                        PaymentSummary(
                            reference: payment.reference, username: payment.username, customerName: payment.customerName,
                            duration: payment.duration, amount: payment.amount, counter: payment.counter,
                            operatorName: payment.operatorName, state: .paid, transactionID: "KTX42",
                            createdAt: payment.createdAt, updatedAt: clock.now, nextLookupAt: nil, lookupCount: 1, attention: nil
                        )
                    }
                }
                held.withLock { $0 = [] }
                return HeldLookupResult(
                    lookedUp: settled, settled: settled.map { SettledPayment(before: .held, payment: $0, note: "Lookup: Khalti says paid.") })
            }
        }
        await world.type("Pradhanang")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        await world.driver.press(.character("1"))
        world.clock.advance(seconds: 1)
        await world.driver.press(.character("y"))
        await world.driver.whenIdle()
        #expect(await world.state.header.heldCount == 1)
        await world.driver.press(.function(5))
        await world.driver.whenIdle()
        await world.driver.press(.character("l"))
        await world.driver.whenIdle()
        guard case .heldPayments(let list) = await world.state.screen else { Issue.record("not on the held list"); return }
        #expect(list.payments.map(\.state) == [.paid])
        #expect(await world.state.header.heldCount == 0)
        #expect(await world.state.notices.shown.map(\.text) == ["Pradhanang: now PAID - receipt printed"])
        await world.driver.press(.character("p"))
        await world.driver.whenIdle()
        #expect(world.calls.all.suffix(3) == ["look up ARNHELD9", "print ARNHELD9", "print REPRINT ARNHELD9"])
        #expect(await world.state.statusMessage == "Receipt printed: saved")
    }

    @Test("an unknown customer is said on the username screen")
    func unknownCustomer() async {
        let world = Self.harness { environment, _, _ in
            environment.fetchAccount = { username throws(ConsoleError) in throw World.unknownCustomer(username.value) }
        }
        await world.type("nobody")
        await world.driver.press(.enter)
        await world.driver.whenIdle()
        #expect(await world.state.screen == .usernameEntry(UsernameEntryScreen(text: "nobody", lookupError: World.unknownCustomer("nobody"))))
        guard case .usernameEntry(let entry) = await world.state.screen else { return }
        #expect(entry.lookupError?.sentence == "No Arrownet customer with username nobody. Check the username with the customer.")
    }

    @Test("the console opens on the held list when the journal has held payments")
    func opensOnHeldList() async {
        let held = World.summary(for: World.order(), state: .held, at: World.morning)
        let world = Self.harness { environment, _, _ in environment.heldPayments = { [held] } }
        await world.driver.start()
        await world.driver.whenIdle()
        #expect(await world.state.screen == .heldPayments(HeldPaymentsScreen(payments: [held], calendar: World.calendar)))
        #expect(await world.state.header.balance == Money(rupees: 100_000))
    }

    @Test("render is called only when the state changed; Ctrl-Q quits and later actions are ignored")
    func renderAndQuit() async {
        let world = Self.harness()
        await world.driver.start()
        await world.driver.whenIdle()
        let rendered = world.renders.all.count
        await world.driver.press(.pageDown)  // bound nowhere: the state stays as it was
        #expect(world.renders.all.count == rendered)
        await world.driver.press(.control("q"))
        await world.driver.waitUntilQuit()
        #expect(await world.driver.hasQuit)
        await world.driver.press(.character("a"))
        #expect(await world.state.screen == .usernameEntry(UsernameEntryScreen()))
    }
}
