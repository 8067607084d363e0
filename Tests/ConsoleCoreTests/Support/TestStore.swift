import ConsoleCore
import Foundation
import Testing

/// Drives `reduce` the way TCA's TestStore drives a reducer: each `send` states the
/// exact change it expects, and every effect asked for must be accounted for with
/// `receive` (answering it with the action the runtime would send, or not), before
/// the store goes away. An unexpected change or a forgotten effect fails the test.
final class TestStore {
    private(set) var state: ConsoleState
    /// Effects asked for and not yet received, oldest first.
    private(set) var outstanding: [ConsoleEffect] = []
    /// The time keys are stamped with; tests move it forward.
    var now: Date
    private let createdAt: SourceLocation

    init(_ state: ConsoleState, now: Date = Fixtures.morning, sourceLocation: SourceLocation = #_sourceLocation) {
        self.state = state
        self.now = now
        createdAt = sourceLocation
    }

    deinit {
        if !outstanding.isEmpty {
            Issue.record("Effects never received: \(outstanding)", sourceLocation: createdAt)
        }
    }

    func advance(seconds: TimeInterval) {
        now = now.addingTimeInterval(seconds)
    }

    /// Sends `action`; `update` turns the previous state into the expected one.
    func send(
        _ action: ConsoleAction, sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout ConsoleState) -> Void = { _ in }
    ) {
        var expected = state
        update(&expected)
        let effects = reduce(into: &state, action: action)
        outstanding += effects
        if state != expected {
            Issue.record("State after \(action) differs:\n\(Self.difference(expected: expected, actual: state))", sourceLocation: sourceLocation)
        }
    }

    /// A key at the store's time. Every key sets the state's clock and clears the
    /// status line, so those two changes are expected here rather than in every test.
    func press(
        _ key: Key, sourceLocation: SourceLocation = #_sourceLocation, _ update: (inout ConsoleState) -> Void = { _ in }
    ) {
        let time = now
        send(.key(key, at: time), sourceLocation: sourceLocation) { state in
            state.now = time
            state.statusMessage = nil
            update(&state)
        }
    }

    /// Types `text` one key at a time, expecting each character to land in the username field.
    func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for character in text {
            press(.character(character), sourceLocation: sourceLocation) { state in
                guard case .usernameEntry(let entry) = state.screen else { return }
                state.screen = .usernameEntry(UsernameEntryScreen(text: entry.text + String(character)))
            }
        }
    }

    /// Accounts for an effect with no answer (or one the test leaves unanswered).
    func receive(_ effect: ConsoleEffect, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let index = outstanding.firstIndex(of: effect) else {
            Issue.record("Expected effect \(effect); outstanding: \(outstanding)", sourceLocation: sourceLocation)
            return
        }
        outstanding.remove(at: index)
    }

    /// Accounts for an effect and sends the action the runtime answers it with.
    func receive(
        _ effect: ConsoleEffect, answer: ConsoleAction, sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout ConsoleState) -> Void = { _ in }
    ) {
        receive(effect, sourceLocation: sourceLocation)
        send(answer, sourceLocation: sourceLocation, update)
    }

    /// Fails unless every effect was received.
    func assertNoOutstandingEffects(sourceLocation: SourceLocation = #_sourceLocation) {
        if !outstanding.isEmpty {
            Issue.record("Effects never received: \(outstanding)", sourceLocation: sourceLocation)
            outstanding = []
        }
    }

    /// The dumped states as a line diff: `-` expected, `+` actual, a little context.
    static func difference(expected: ConsoleState, actual: ConsoleState) -> String {
        var expectedText = "", actualText = ""
        dump(expected, to: &expectedText)
        dump(actual, to: &actualText)
        let old = expectedText.split(separator: "\n").map(String.init)
        let new = actualText.split(separator: "\n").map(String.init)
        // Longest common subsequence, then walk it: dumps are a few hundred lines.
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var lines: [String] = []
        var (i, j) = (0, 0)
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append("  \(old[i])")
                (i, j) = (i + 1, j + 1)
            } else if j < new.count, i == old.count || common[i][j + 1] >= common[i + 1][j] {
                lines.append("+ \(new[j])")
                j += 1
            } else {
                lines.append("- \(old[i])")
                i += 1
            }
        }
        let changed = lines.indices.filter { !lines[$0].hasPrefix("  ") }
        let shown = Set(changed.flatMap { max(0, $0 - 3)...min(lines.count - 1, $0 + 1) })
        return shown.sorted().map { lines[$0] }.prefix(60).joined(separator: "\n")
    }
}
