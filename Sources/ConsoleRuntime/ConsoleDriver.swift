import ConsoleCore
import Foundation

/// Runs the console: takes actions (keys from the terminal, answers from effects),
/// applies `reduce`, performs the effects it asks for, and hands every new state
/// to `render`.
///
/// An actor, so actions are applied one at a time in arrival order whichever task
/// sends them. `render` is called on the actor, never twice at once, and only when
/// the state changed; a renderer that must stay on one thread hops there itself.
public actor ConsoleDriver {
    public private(set) var state: ConsoleState
    private let environment: ConsoleEnvironment
    private let render: @Sendable (ConsoleState) -> Void
    private let tickInterval: Duration

    /// Effects being performed, so tests (and a clean exit) can wait for them.
    private var running: [Int: Task<Void, Never>] = [:]
    private var nextTaskNumber = 0
    /// Lookups by id, so that going back cancels the one in flight.
    private var fetches: [FetchID: Int] = [:]
    private var ticker: Task<Void, Never>?
    private var followers: [Task<Void, Never>] = []
    private var isStopped = false
    private var quitWaiters: [CheckedContinuation<Void, Never>] = []
    public private(set) var hasQuit = false

    public init(
        state: ConsoleState, environment: ConsoleEnvironment, tickInterval: Duration = .seconds(1),
        render: @escaping @Sendable (ConsoleState) -> Void
    ) {
        self.state = state
        self.environment = environment
        self.tickInterval = tickInterval
        self.render = render
    }

    /// Shows the first screen and asks for held payments and the balance.
    public func start() {
        render(state)
        send(.started(at: environment.now()))
    }

    /// A key stamped with the environment's clock now. The terminal stamps keys with
    /// the time it read them and sends `.key` itself; this is for tests and scripts.
    public func press(_ key: Key) {
        send(.key(key, at: environment.now()))
    }

    public func send(_ action: ConsoleAction) {
        guard !hasQuit else { return }
        let before = state
        let effects = reduce(into: &state, action: action)
        if state != before { render(state) }
        for effect in effects { perform(effect) }
        keepTime()
    }

    /// Returns once the clerk quit.
    public func waitUntilQuit() async {
        if hasQuit { return }
        await withCheckedContinuation { quitWaiters.append($0) }
    }

    /// Returns once no effect is being performed (payments included). For tests and
    /// for a clean exit after quit.
    public func whenIdle() async {
        while let task = running.values.first {
            await task.value
        }
    }

    /// Stops the progress clock, any lookup and what `follow` reads; payments in flight
    /// finish on their own.
    public func stop() {
        isStopped = true
        keepTime()
        for number in fetches.values { running[number]?.cancel() }
        followers.forEach { $0.cancel() }
        followers = []
    }

    /// Applies the actions `events` yields, as they come, until the sequence ends or the
    /// console stops: how something outside the screen (a background task, say) tells
    /// the console what happened. `reduce` handles each like any other action.
    public func follow<Events: AsyncSequence & Sendable>(_ events: Events) where Events.Element == ConsoleAction {
        guard !isStopped, !hasQuit else { return }
        followers.append(Task { [weak self] in
            do {
                for try await action in events {
                    guard let self, !Task.isCancelled else { return }
                    await self.send(action)
                }
            } catch {
                // A sequence that fails simply ends: there is nothing more to apply.
            }
        })
    }

    /// Whether the one-second ticks are running: only while the screen shows time passing.
    public var isTicking: Bool { ticker != nil }

    /// Starts the ticks when the screen shows time passing, stops them when it no longer does.
    private func keepTime() {
        let wanted = state.showsTimePassing && !hasQuit && !isStopped
        if !wanted {
            ticker?.cancel()
            ticker = nil
            return
        }
        guard ticker == nil else { return }
        let environment = environment
        let interval = tickInterval
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                do { try await environment.sleep(interval) } catch { return }
                if Task.isCancelled { return }
                await self?.send(.tick(environment.now()))
            }
        }
    }

    private func perform(_ effect: ConsoleEffect) {
        switch effect {
        case .cancelFetch(let fetchID):
            if let number = fetches.removeValue(forKey: fetchID) { running[number]?.cancel() }
        case .quit:
            hasQuit = true
            stop()
            quitWaiters.forEach { $0.resume() }
            quitWaiters = []
        case .discardTypeahead:
            // At once, before any further key is read.
            environment.discardTypeahead()
        case .fetchAccount, .commitPayment, .loadHeldPayments, .lookUpNow, .loadBalance, .printReceipt, .loadShift, .openShift,
             .loadShiftReport, .closeShift, .printShiftReport, .printSettledReceipt, .openDrawer:
            // The world's work, in a task of its own; its answer comes back as an action.
            let number = nextTaskNumber
            nextTaskNumber += 1
            if case .fetchAccount(_, let fetchID) = effect { fetches[fetchID] = number }
            let environment = environment
            running[number] = Task {
                let answer = await EffectRunner.run(effect, in: environment)
                // The task runs on the actor (it uses `self`), so the answer is applied in order.
                self.finish(number, answer: answer)
            }
        }
    }

    private func finish(_ number: Int, answer: ConsoleAction?) {
        running[number] = nil
        fetches = fetches.filter { $0.value != number }
        if let answer { send(answer) }
    }
}
