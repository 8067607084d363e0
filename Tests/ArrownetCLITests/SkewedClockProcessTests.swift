import Foundation
import JournalTestSupport
import KhaltiSandbox
import Testing

/// Issue 20, finding 2: a counter whose clock is behind must not pay a bill twice. Counter
/// A shows a customer already paid today and asks "pay again?"; counter B, its clock
/// moved by the debug build's test hook (`DeskHooks.clockOffsetVariable`), pays the customer meanwhile; A's "yes" must
/// then be refused as paid since A looked (exit 10), and nothing of A's reach Khalti.
/// "Since" is the journal's position, so no counter's clock decides it.
@Suite("Paid since you looked, with a counter's clock off", .serialized)
struct SkewedClockProcessTests {
    /// Two counters on one journal, and the arguments that point `pay` at the sandbox.
    struct Counters {
        let first: BinaryRunner
        let second: BinaryRunner
        let cleanUp: @Sendable () async -> Void
    }

    static let offsets: [Int] = [-120, -300, 300]
    /// `DeskHooks.clockOffsetVariable`, spelled out: this target does not link the desk.
    static let clockOffset = "ARROWNET_TEST_CLOCK_OFFSET_SECONDS"

    @Test("SQLite: a counter's clock 2 or 5 minutes off cannot slip a payment past the look-up", arguments: offsets)
    func sqlite(offset: Int) async throws {
        // One machine holds a SQLite journal: two processes on its data folder.
        let runner = try BinaryRunner()
        try await runner.openShift()
        try await Self.payTwiceAttempt(Counters(first: runner, second: runner, cleanUp: {}), offset: offset)
    }

    @Test(
        "PostgreSQL: a counter's clock 2 or 5 minutes off cannot slip a payment past another counter's look-up",
        .enabled(if: PostgresTestServer.isExpected), arguments: offsets)
    func postgres(offset: Int) async throws {
        let database = try await PostgresTestDatabase.create()
        let runners = try SharedJournalProcessTests.counters(2, on: database)
        for runner in runners { try await runner.openShift() }
        try await Self.payTwiceAttempt(Counters(first: runners[0], second: runners[1], cleanUp: { await database.drop() }), offset: offset)
    }

    static func payTwiceAttempt(_ counters: Counters, offset: Int) async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("skew-\(UUID().uuidString)")))
        let site = ["--base-url", sandbox.baseURL]
        // The customer's first bill of the day, paid at A.
        let earlier = try await counters.first.run(["pay", "Pradhanang", "--months", "1", "--yes"] + site)
        #expect(earlier.status == 0, "\(earlier.stderr)")

        // A reads the customer back, is told of today's payment, and is asked again.
        let looking = try BinaryProcess(counters.first, ["pay", "Pradhanang", "--months", "1"] + site, answering: true)
        #expect(try await looking.waitFor("Type yes to pay: "), "\(looking.output)")
        looking.answer("yes")
        #expect(try await looking.waitFor("Type yes to pay again: "), "\(looking.output)")

        // Meanwhile B, its clock off by `offset`, takes the second bill.
        let skewed = try await counters.second.run(
            ["pay", "Pradhanang", "--months", "1", "--yes", "--again"] + site,
            environment: [Self.clockOffset: String(offset)])
        #expect(skewed.status == 0, "offset \(offset): \(skewed.stderr)")

        looking.answer("yes")
        let status = await looking.waitForExit().status
        #expect(status == 10, "offset \(offset): A must be refused: \(looking.output)")
        #expect(looking.output.contains("paid since you looked"), "\(looking.output)")

        // Two bills, two commits, one each: A's confirmation sent nothing.
        let commits = sandbox.commitRequests()
        #expect(commits.count == 2 && commits.values.allSatisfy { $0 == 1 }, "offset \(offset): \(commits)")
        let history = try jsonArray(try await counters.first.run(["history", "--json"]).stdout)
        #expect(history.filter { $0["state"] as? String == "paid" }.count == 2, "\(history)")
        await sandbox.stop()
        await counters.cleanUp()
    }
}
