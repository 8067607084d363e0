import Foundation
import KhaltiSandbox
import PaymentJournal
import SQLiteJournal
import Testing

/// Many real processes on one data folder at once, many times, counting what reached
/// Khalti: of several counters paying one customer exactly one pays; a brand-new
/// folder is set up once; a live payment is never recovered by another process.
@Suite("Many processes on one journal", .serialized)
struct ConcurrentProcessTests {
    static let rounds = 6
    static let processes = 6

    @Test("six shift opens, then six pay processes for one customer, at once on a fresh folder, six times: one shift, one payment")
    func onePaymentPerCustomer() async throws {
        for round in 1...Self.rounds {
            let runner = try BinaryRunner()
            // No token: every process starts its own embedded sandbox on the same ledger
            // file, and the first ones set up the same new journal at the same moment.
            let opens = try await Self.atOnce(runner, ["shift", "open", "--operator", "Sita", "--float", "1000"])
            #expect(opens.map(\.status).sorted() == [0] + Array(repeating: 13, count: Self.processes - 1),
                    "round \(round): \(opens.map(\.stderr).joined(separator: " | "))")
            let results = try await Self.atOnce(runner, ["pay", "duecustomer", "--months", "1", "--yes"])
            let statuses = results.map(\.status).sorted()
            let detail = "round \(round): \(statuses) \(results.map(\.stderr).joined(separator: " | "))"
            #expect(statuses.filter { $0 == 0 }.count == 1, "\(detail)")
            // The others: an open payment (9) or paid already today (10); never a journal or sandbox failure.
            #expect(statuses.allSatisfy { [0, 9, 10].contains($0) }, "\(detail)")
            let ledger = try await RunningSandbox.start(SandboxConfiguration(dataDirectory: runner.home.appendingPathComponent("data/sandbox")))
            #expect(try await ledger.ledgerEntries().count == 1, "\(detail)")
            await ledger.stop()
            let journal = try SQLiteJournal(path: runner.home.appendingPathComponent("data/journal.sqlite").path)
            #expect(try await journal.history(HistoryFilter()).map(\.state) == [.paid], "\(detail)")
            await journal.close()
        }
    }

    static func atOnce(_ runner: BinaryRunner, _ arguments: [String]) async throws -> [BinaryRunner.Result] {
        try await withThrowingTaskGroup(of: BinaryRunner.Result.self) { group in
            for _ in 0..<processes {
                group.addTask { try await runner.run(arguments) }
            }
            return try await group.reduce(into: [BinaryRunner.Result]()) { $0.append($1) }
        }
    }

    @Test("reconcile while a payment is out (slow answer) leaves it alone; the payment is recorded paid")
    func reconcileDuringSlowPayment() async throws {
        let runner = try await BinaryRunner.ready()
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: runner.home.appendingPathComponent("khalti"),
            faults: [FaultRule(call: .commit, times: 1, effect: .latency(milliseconds: 3_000))]))
        let pay = try BinaryProcess(runner, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        let path = runner.home.appendingPathComponent("data/journal.sqlite").path
        #expect(try await eventually { FileManager.default.fileExists(atPath: path) }, "output: \(pay.output)")
        let journal = try SQLiteJournal(path: path)
        #expect(try await eventually { try await journal.history(HistoryFilter()).first?.state == .sending }, "\(pay.output)")
        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(!reconcile.stdout.contains("RECOVERED"), "\(reconcile.stdout)")
        #expect(try await journal.history(HistoryFilter()).first?.state == .sending, "untouched while its process runs")
        #expect(await pay.waitForExit().status == 0, "\(pay.output)")
        #expect(try await journal.history(HistoryFilter()).map(\.state) == [.paid])
        #expect(try await sandbox.ledgerEntries().count == 1)
        await journal.close()
        await sandbox.stop()
    }

    @Test("reconcile between a live process's intent and its sending abandons nothing (debug build)")
    func reconcileBeforeSending() async throws {
        let runner = try await BinaryRunner.ready()
        guard try await runner.isDebugBuild() else { return }
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(dataDirectory: runner.home.appendingPathComponent("khalti")))
        let pay = try BinaryProcess(
            runner, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL],
            environment: ["ARROWNET_TEST_PAUSE_AFTER_INTENT_MS": "3000"])
        let path = runner.home.appendingPathComponent("data/journal.sqlite").path
        #expect(try await eventually { FileManager.default.fileExists(atPath: path) }, "output: \(pay.output)")
        let journal = try SQLiteJournal(path: path)
        #expect(try await eventually { try await journal.history(HistoryFilter()).first?.state == .prepared }, "\(pay.output)")
        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(!reconcile.stdout.contains("RECOVERED"), "\(reconcile.stdout)")
        #expect(!reconcile.stderr.contains("earlier run"), "\(reconcile.stderr)")
        #expect(await pay.waitForExit().status == 0, "\(pay.output)")
        #expect(try await journal.history(HistoryFilter()).map(\.state) == [.paid])
        #expect(try await sandbox.ledgerEntries().count == 1)
        await journal.close()
        await sandbox.stop()
    }
}
