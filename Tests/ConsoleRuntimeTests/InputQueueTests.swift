import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import Testing

/// The terminal's thread hands keys to the driver through an InputQueue and waits,
/// briefly, for each to be applied.
@Suite("Input queue", .serialized)
struct InputQueueTests {
    /// A driver whose renderer draws only as many states as it is given permits for,
    /// as a terminal stuck writing would.
    static func slowDriver(permits: Locked<Int>) -> ConsoleDriver {
        ConsoleDriver(
            state: World.initialState(), environment: ConsoleEnvironment.unconfigured(now: { World.morning }),
            render: { _ in
                while !permits.withLock({ permits in
                    guard permits > 0 else { return false }
                    permits -= 1
                    return true
                }) {
                    Thread.sleep(forTimeInterval: 0.002)
                }
            })
    }

    /// Runs `body` on a thread of its own, as the terminal's thread waits: a blocking wait
    /// inside the concurrency pool would hold one of its few threads.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    static func text(_ driver: ConsoleDriver) async -> String? {
        guard case .usernameEntry(let entry) = await driver.state.screen else { return nil }
        return entry.text
    }

    @Test("actions are applied in the order submitted, and a wait returns once its own is applied")
    func order() async {
        let queue = InputQueue()
        let driver = Self.slowDriver(permits: Locked(Int.max))
        let delivery = Task { await queue.deliver(to: driver) }
        var numbers: [UInt64] = []
        for character in "abc" { numbers.append(queue.submit(.key(.character(character), at: World.morning))) }
        #expect(numbers == [1, 2, 3])
        let applied = await Self.onThread { queue.waitUntilApplied(3, timeout: .seconds(30)) }
        #expect(applied)
        #expect(await Self.text(driver) == "abc")
        queue.finish()
        await delivery.value
    }

    @Test("a wait that timed out leaves nothing behind: the next wait still waits for its own key")
    func noDriftAfterTimeout() async {
        let permits = Locked(0)
        let queue = InputQueue()
        let driver = Self.slowDriver(permits: permits)
        let delivery = Task { await queue.deliver(to: driver) }
        let first = queue.submit(.key(.character("a"), at: World.morning))
        // The driver is stuck drawing "a": the terminal's short wait gives up.
        let firstApplied = await Self.onThread { queue.waitUntilApplied(first, timeout: .milliseconds(30)) }
        #expect(!firstApplied)
        // The next key is read and waited for; "a" completes late, meanwhile.
        let second = queue.submit(.key(.character("b"), at: World.morning))
        let released = Locked(false)
        let waiting = Task {
            await Self.onThread { () -> Bool in
                let applied = queue.waitUntilApplied(second, timeout: .seconds(30))
                released.withLock { $0 = true }
                return applied
            }
        }
        permits.withLock { $0 = 1 }
        await ConsoleDriverTests.eventually { queue.lastApplied == first }
        try? await Task.sleep(for: .milliseconds(50))
        // "a"'s late completion did not release the wait for "b" (a semaphore's left-over signal would have).
        let releasedEarly = released.withLock { $0 }
        #expect(!releasedEarly)
        permits.withLock { $0 = 1 }
        #expect(await waiting.value)
        #expect(queue.lastApplied == second)
        #expect(await Self.text(driver) == "ab")
        queue.finish()
        await delivery.value
    }
}
