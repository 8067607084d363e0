import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import ConsoleTestSupport
import Foundation
import Synchronization

/// A clock that moves only when the test says so.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A call that waits until the test answers it: how a test holds Khalti "on the
/// wire" to press keys meanwhile, and sees whether the call was cancelled.
final class PendingCall<Value: Sendable>: Sendable {
    private struct Inside {
        var answer: Value?
        var waiter: CheckedContinuation<Value?, Never>?
        var started = false
        var wasCancelled = false
    }

    private let inside = Mutex(Inside())
    /// Like a client that does not check for cancellation: answers whenever it answers.
    private let ignoresCancellation: Bool

    init(ignoresCancellation: Bool = false) {
        self.ignoresCancellation = ignoresCancellation
    }

    /// Called by the fake environment; returns nil when the task was cancelled first.
    func wait() async -> Value? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
                let ready: Value?? = inside.withLock { inside in
                    inside.started = true
                    if let answer = inside.answer { return .some(answer) }
                    if inside.wasCancelled && !ignoresCancellation { return .some(nil) }
                    inside.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = inside.withLock { inside -> CheckedContinuation<Value?, Never>? in
                inside.wasCancelled = true
                if ignoresCancellation { return nil }
                defer { inside.waiter = nil }
                return inside.waiter
            }
            waiter?.resume(returning: nil)
        }
    }

    func answer(_ value: Value) {
        let waiter = inside.withLock { inside in
            inside.answer = value
            defer { inside.waiter = nil }
            return inside.waiter
        }
        waiter?.resume(returning: value)
    }

    var hasStarted: Bool { inside.withLock { $0.started } }
    var wasCancelled: Bool { inside.withLock { $0.wasCancelled } }
}

/// Records what the console asked of the world, in order.
final class CallLog: Sendable {
    private let entries = Mutex<[String]>([])

    func record(_ entry: String) { entries.withLock { $0.append(entry) } }

    var all: [String] { entries.withLock { $0 } }
}

/// Collects every state the driver rendered.
final class RenderLog: Sendable {
    private let states = Mutex<[ConsoleState]>([])

    func record(_ state: ConsoleState) { states.withLock { $0.append(state) } }

    var all: [ConsoleState] { states.withLock { $0 } }
    var last: ConsoleState? { all.last }
}

/// The shared samples, with this layer's payments and starting state.
typealias World = ConsoleSamples

extension ConsoleSamples {
    static func summary(for order: PaymentOrder, state: PaymentState, reference: String = "ARNTEST1", transactionID: String? = nil, at date: Date) -> PaymentSummary {
        PaymentSummary(
            reference: try! PaymentReference(reference), username: order.username, customerName: order.customerName,
            duration: order.plan.duration, amount: order.plan.amount, counter: order.counter, operatorName: order.operatorName,
            state: state, transactionID: transactionID, createdAt: date, updatedAt: date,
            nextLookupAt: state == .held ? date.addingTimeInterval(300) : nil, lookupCount: 0, attention: nil
        )
    }

    /// Pradhanang's one-month plan, as confirmed on an account screen read this morning.
    static func order() -> PaymentOrder {
        PaymentOrder(
            account: account(), plan: plans[0], newExpiry: morning, counter: "Counter 1", operatorName: "Sita", lookedUpAt: morning)
    }

    /// Shift 3 of Counter 1, opened at 09:00 by Sita with Rs. 1,000.00.
    static let openShift = ShiftReport.ShiftInfo(
        id: 7, number: 3, counter: "Counter 1", operatorName: "Sita", openedAt: morning.addingTimeInterval(-3600), closedAt: nil,
        openingFloat: Money(rupees: 1000))

    static func initialState() -> ConsoleState {
        ConsoleState(counter: "Counter 1", operatorName: "Sita", environment: .sandbox, calendar: calendar)
    }
}

/// A value shared between a test and its fake environment's closures.
final class Locked<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) { storage = Mutex(value) }

    func withLock<Result: Sendable>(_ body: (inout sending Value) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }
}
