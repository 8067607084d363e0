import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
@testable import PostgresJournal
import Testing

/// Many counters, each a store of its own (as each console is a process of its own), on
/// one PostgreSQL journal at the same moment: what SQLite got by serialising every
/// writer, PostgreSQL must get from its locks.
@Suite("Counters at once on one PostgreSQL journal", .enabled(if: PostgresTestServer.isExpected))
struct CountersAtOnceTests {
    @Test("eight counters paying one customer at the same moment: one prepares, the seven others are shown that payment (ten rounds)")
    func oneCustomerEightCounters() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let stores = try await Self.counters(8, fixture)
            for round in 1...10 {
                let customer = try Username("racer\(round)")
                let line = StartingLine(runners: stores.count)
                let results = try await withThrowingTaskGroup(of: Preparation.self) { group in
                    for (index, store) in stores.enumerated() {
                        group.addTask {
                            let intent = try JournalSamples.intent(
                                "R\(round)C\(index)", username: customer.value, counter: Self.counter(index),
                                at: JournalSamples.morning.addingTimeInterval(Double(round)))
                            await line.arrive()
                            return try await store.prepare(intent, refusingIfPaidSince: nil)
                        }
                    }
                    return try await group.reduce(into: [Preparation]()) { $0.append($1) }
                }
                let prepared = results.compactMap { if case .prepared(let record) = $0 { record } else { nil } }
                #expect(prepared.count == 1, "round \(round): \(results)")
                guard let winner = prepared.first else { continue }
                #expect(results.filter { $0 == .blocked(by: winner) }.count == 7, "round \(round): \(results)")
                #expect(try await fixture.store.history(HistoryFilter(username: customer)) == [winner], "round \(round)")
            }
        }
    }

    @Test("four counters claiming lookups at once over 200 due payments: each is claimed once, and every one is claimed (three rounds)")
    func claimsNeverOverlap() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let stores = try await Self.counters(4, fixture)
            // Written by the four at once, only to be quicker about it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask {
                        for number in stride(from: index, to: 200, by: stores.count) {
                            try await fixture.payment("H\(number)", in: .held, username: "held\(number)", counter: Self.counter(index), by: store)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let everyOne = Set(try await fixture.store.heldPayments(in: JournalSamples.environment).map(\.reference))
            #expect(everyOne.count == 200)

            // Held payments are first looked up 300 s after they were answered: all are due an hour later.
            let firstRound = JournalSamples.morning.addingTimeInterval(3600)
            var lastRound = firstRound
            for round in 0..<3 {
                // Each round's claims run out before the next, which then finds all 200 free again.
                let time = firstRound.addingTimeInterval(Double(round) * 600)
                lastRound = time
                let line = StartingLine(runners: stores.count)
                let claims = try await withThrowingTaskGroup(of: [PaymentReference].self) { group in
                    for store in stores {
                        group.addTask {
                            await line.arrive()
                            return try await store.claimLookups(
                                in: JournalSamples.environment, account: JournalSamples.account, at: time, schedule: .due, claimUntil: time.addingTimeInterval(300)
                            ).map(\.reference)
                        }
                    }
                    return try await group.reduce(into: [[PaymentReference]]()) { $0.append($1) }
                }
                let all = claims.flatMap { $0 }
                #expect(all.count == Set(all).count, "round \(round): no payment claimed twice (claims per counter: \(claims.map(\.count)))")
                #expect(Set(all) == everyOne, "round \(round): every due payment claimed")
            }

            // A fifth counter finds them all claimed while the claims last, and all free after.
            let late = try await fixture.another()
            #expect(try await late.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.account, at: lastRound, schedule: .due, claimUntil: lastRound.addingTimeInterval(300)).isEmpty)
            let after = lastRound.addingTimeInterval(301)
            #expect(Set(try await late.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.account, at: after, schedule: .due, claimUntil: after.addingTimeInterval(300)).map(\.reference)) == everyOne)
        }
    }

    /// A counter's process frozen mid-payment (stopped, asleep, cut off without its socket
    /// closing) holds the customer's lock until the server notices, hours later with TCP
    /// keepalive's defaults. Another counter paying that customer must get a sentence after
    /// its journal timeout, not a frozen screen: task cancellation does not stop a query
    /// PostgresNIO has sent, so only the server can end the wait.
    @Test("a counter stuck holding a customer's lock: another paying that customer gives up after its timeout")
    func stuckCounter() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let address = try fixture.postgres.address
            let journal = try await PostgresJournal.open(address, timeout: .seconds(2))
            let intent = try JournalSamples.intent("W1")
            try await RawPostgres.with(address) { raw in
                try await raw.must("BEGIN")
                try await raw.must("SELECT pg_advisory_xact_lock(hashtextextended('\(PostgresJournal.customerLockName(intent))', 0))")
                let call = Task { () -> (Result<Preparation, JournalError>, Duration) in
                    let clock = ContinuousClock()
                    let start = clock.now
                    do throws(JournalError) {
                        return (.success(try await journal.prepare(intent, refusingIfPaidSince: nil)), clock.now - start)
                    } catch {
                        return (.failure(error), clock.now - start)
                    }
                }
                // The lock is held until the call answers, or for 8 s at most (the only way out without a fix).
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { _ = await call.value }
                    group.addTask { try await Task.sleep(for: .seconds(8)) }
                    try await group.next()
                    try await raw.must("ROLLBACK")
                    group.cancelAll()
                }
                let (result, waited) = await call.value
                guard case .failure(.unavailable) = result else { Issue.record("got \(result)"); return }
                // The call has ended, its transaction with it: what it wrote is there to see.
                let written = try await fixture.store.payment(intent.reference)
                #expect(waited < .seconds(5), "answered after \(waited)")
                // Told "unavailable, nothing was sent", the clerk would find the customer
                // blocked by this very intent until recovery's cutoff.
                #expect(written == nil, "an intent written after its call gave up: \(String(describing: written))")
            }
            await journal.close()
        }
    }

    static func counter(_ index: Int) -> String { "counter-\(index + 1)" }

    /// `count` stores on the fixture's journal (its own first), each with an open shift at a counter of its own.
    static func counters(_ count: Int, _ fixture: StoreFixture) async throws -> [any JournalStore] {
        var stores: [any JournalStore] = [fixture.store]
        for _ in 1..<count { stores.append(try await fixture.another()) }
        for (index, store) in stores.enumerated() { try await fixture.ensureShift(counter: counter(index), on: store) }
        return stores
    }
}

/// Holds every runner until the last has arrived, then lets them all go at once: tasks
/// added to a group one after another would otherwise start a little apart.
actor StartingLine {
    private let runners: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(runners: Int) {
        self.runners = runners
    }

    func arrive() async {
        if waiting.count + 1 >= runners {
            for runner in waiting { runner.resume() }
            waiting = []
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}
