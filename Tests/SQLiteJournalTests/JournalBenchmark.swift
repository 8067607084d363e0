import ArrownetDomain
import Foundation
import Testing
import JournalTestSupport
import PaymentJournal

/// Payments per second the journal records durably: each payment is three synced
/// write transactions (intent `prepared`, `sending`, the answer), as on the payment
/// path. Skipped unless `ARROWNET_BENCH=1`; prints figures, asserts only the count.
///
///     ARROWNET_BENCH=1 swift test --skip-build --filter JournalBenchmark
///
/// `ARROWNET_BENCH_PAYMENTS` (default 500, at most 20000) and
/// `ARROWNET_BENCH_CONCURRENCY` (default 4, at most 64) change the load.
@Suite("Journal benchmark", .enabled(if: ProcessInfo.processInfo.environment["ARROWNET_BENCH"] == "1"), .serialized)
struct JournalBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let payments = max(1, min(Int(environment["ARROWNET_BENCH_PAYMENTS"] ?? "") ?? 500, 20_000))
    static let concurrency = max(1, min(Int(environment["ARROWNET_BENCH_CONCURRENCY"] ?? "") ?? 4, 64))

    @Test func onePaymentAtATime() async throws {
        try await run(label: "one counter, one payment at a time", concurrency: 1)
    }

    @Test func severalCountersAtOnce() async throws {
        try await run(label: "\(Self.concurrency) counters at once", concurrency: Self.concurrency)
    }

    private func run(label: String, concurrency: Int) async throws {
        let fixture = try JournalFixture()
        defer { fixture.remove() }
        let journal = fixture.journal
        for worker in 0..<concurrency {
            _ = try await journal.openShift(ShiftOpening(
                counter: "counter-\(worker)", operatorName: "bench", openingFloat: .zero, openingBalance: nil, at: Date()))
        }
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for index in stride(from: worker, to: Self.payments, by: concurrency) {
                        try await JournalSamples.recordPaidPayment(journal, index: index, counter: worker)
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        #expect(try await journal.history(HistoryFilter(states: [.paid])).count == Self.payments)
        let perSecond = Int(Double(Self.payments) / max(seconds, 1e-9))
        let milliseconds = seconds * 1000 / Double(Self.payments) * Double(concurrency)
        print("""
            journal benchmark (\(label)), \(Self.payments) payments, WAL + synchronous=FULL on \(fixture.folder.path):
              \(perSecond) payments/s recorded durably (\(perSecond * 3) synced writes/s)
              \(String(format: "%.2f", milliseconds)) ms added to each payment (three synced writes) as a counter waits
            """)
    }
}
