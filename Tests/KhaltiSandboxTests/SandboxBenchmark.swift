import ArrownetDomain
import AsyncHTTPClient
import Foundation
import KhaltiSandbox
import Testing

/// Requests per second over loopback. Skipped unless `ARROWNET_BENCH=1`; it prints
/// figures and asserts only that every request was answered as expected, never a time.
///
///     ARROWNET_BENCH=1 swift test --skip-build --filter SandboxBenchmark
///
/// `ARROWNET_BENCH_REQUESTS` (default 2000) and `ARROWNET_BENCH_CONCURRENCY` (default 8)
/// change the load; both are capped so a run stays bounded.
@Suite("Sandbox benchmark", .enabled(if: ProcessInfo.processInfo.environment["ARROWNET_BENCH"] == "1"), .serialized)
struct SandboxBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let requests = min(Int(environment["ARROWNET_BENCH_REQUESTS"] ?? "") ?? 2_000, 20_000)
    static let concurrency = max(1, min(Int(environment["ARROWNET_BENCH_CONCURRENCY"] ?? "") ?? 8, 64))

    @Test func detailsAndPaymentsPerSecond() async throws {
        try await run(label: "in-memory ledger", dataDirectory: nil)
    }

    @Test func paymentsPerSecondOnALedgerFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await run(label: "SQLite file ledger", dataDirectory: folder)
    }

    private func run(label: String, dataDirectory: URL?) async throws {
        let configuration = SandboxConfiguration(dataDirectory: dataDirectory, openingBalance: Money(rupees: 100_000_000))
        try await TestSandbox.with(configuration) { sandbox in
            let details = #"{"token": "TEST:sandbox", "username": "Pradhanang"}"#
            let detailsRate = try await Self.measure(sandbox) { _ in
                try await sandbox.post("/api/servicegroup/details/arrownet/", details)
            }
            let paymentsRate = try await Self.measure(sandbox) { index in
                try await sandbox.post(
                    "/api/servicegroup/commit/arrownet/",
                    #"{"token": "TEST:sandbox", "username": "Pradhanang", "amount": "1695.00", "duration": 1, "reference": "bench\#(index)"}"#)
            }
            #expect(try await sandbox.sandbox.ledgerEntries().count == Self.requests)
            print("""
                sandbox benchmark (\(label)), \(Self.requests) requests each, concurrency \(Self.concurrency):
                  details:  \(detailsRate) requests/s
                  payments: \(paymentsRate) requests/s
                """)
        }
    }

    /// Fires `requests` calls with `concurrency` in flight; returns whole requests per second.
    private static func measure(_ sandbox: TestSandbox, _ call: @escaping @Sendable (Int) async throws -> HTTPAnswer) async throws -> Int {
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    for index in stride(from: worker, to: requests, by: concurrency) {
                        let answer = try await call(index)
                        guard answer.status == 200 else {
                            throw BenchmarkFailure(description: "request \(index) answered \(answer.status): \(answer.text)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = clock.now - start
        let milliseconds = max(1, elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        return Int(Int64(requests) * 1000 / milliseconds)
    }

    struct BenchmarkFailure: Error, CustomStringConvertible {
        let description: String
    }
}
