import Synchronization

/// What the faults in force do to one call.
struct FiredFaults: Sendable, Equatable {
    /// Total added latency of every matching latency rule.
    var latencyMilliseconds = 0
    /// The first matching rule that decides the answer, if any.
    var outcome: FaultRule.Effect?

    static let none = FiredFaults()
}

/// The fault rules in force, shared by every request and by the admin endpoint.
/// A lock, not an actor: deciding is a few comparisons and must not reorder requests.
final class FaultBoard: Sendable {
    private struct Slot {
        let id: Int
        let rule: FaultRule
        var fired: Int
    }

    private struct Rules {
        var slots: [Slot] = []
        var nextID = 1
    }

    private let rules: Mutex<Rules>

    init(_ initial: [FaultRule]) {
        var state = Rules()
        for rule in initial {
            state.slots.append(Slot(id: state.nextID, rule: rule, fired: 0))
            state.nextID += 1
        }
        rules = Mutex(state)
    }

    @discardableResult
    func add(_ rule: FaultRule) -> Int {
        rules.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.slots.append(Slot(id: id, rule: rule, fired: 0))
            return id
        }
    }

    /// Takes one rule out; false when no rule has that id.
    @discardableResult
    func remove(_ id: Int) -> Bool {
        rules.withLock { state in
            let before = state.slots.count
            state.slots.removeAll { $0.id == id }
            return state.slots.count != before
        }
    }

    @discardableResult
    func clear() -> Int {
        rules.withLock { state in
            let count = state.slots.count
            state.slots.removeAll()
            return count
        }
    }

    func statuses() -> [FaultStatus] {
        rules.withLock { state in
            state.slots.map { FaultStatus(id: $0.id, rule: $0.rule, fired: $0.fired) }
        }
    }

    /// Decides the faults for one call and counts each rule that fires. Every matching
    /// latency rule fires; of the rules that decide the answer, only the first fires,
    /// so a spent or later rule keeps its firings for a later call.
    func fire(for call: FaultRule.Call, username: String?) -> FiredFaults {
        rules.withLock { state in
            var fired = FiredFaults()
            for index in state.slots.indices {
                let slot = state.slots[index]
                guard Self.matches(slot.rule, call: call, username: username) else { continue }
                if let times = slot.rule.times, slot.fired >= times { continue }
                switch slot.rule.effect {
                case .latency(let milliseconds):
                    fired.latencyMilliseconds += milliseconds
                case let effect:
                    guard fired.outcome == nil else { continue }
                    fired.outcome = effect
                }
                state.slots[index].fired += 1
            }
            return fired
        }
    }

    private static func matches(_ rule: FaultRule, call: FaultRule.Call, username: String?) -> Bool {
        if let target = rule.call, target != call { return false }
        if let wanted = rule.username {
            guard let username, username.lowercased() == wanted.lowercased() else { return false }
        }
        return true
    }
}
