import Foundation
import JournalTestSupport
import Testing

/// `arrownet check` says how far the counter's clock is from the journal's: the database
/// server's on the shared journal (a counter moved 5 minutes by the debug build's test
/// hook is told its clock is off), this machine's on SQLite (zero by construction).
@Suite("check: the counter's clock against the journal's", .serialized)
struct JournalClockCheckTests {
    @Test("SQLite: the journal's clock is this machine's, so check finds no difference")
    func sqlite() async throws {
        let result = try await BinaryRunner().run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Clock: within 2 minutes of the journal's (0 s apart)."), "\(result.stdout)")
    }

    @Test("PostgreSQL: a counter 5 minutes behind the server is told so, in the table and in JSON; one in step is not", .enabled(if: PostgresTestServer.isExpected))
    func postgres() async throws {
        let database = try await PostgresTestDatabase.create()
        let runner = try SharedJournalProcessTests.counters(1, on: database)[0]
        let behind = [SkewedClockProcessTests.clockOffset: "-300"]

        let inStep = try await runner.run(["check"])
        #expect(inStep.status == 0, "\(inStep.stderr)")
        #expect(inStep.stdout.contains("Clock: within 2 minutes of the journal's"), "\(inStep.stdout)")

        let off = try await runner.run(["check"], environment: behind)
        #expect(off.status == 0, "the readings decide the exit code: \(off.stderr)")
        guard try await runner.isDebugBuild() else {
            // The release build clerks run ignores the test hook: its clock stays the
            // machine's, in step with the server's.
            #expect(off.stdout.contains("Clock: within 2 minutes of the journal's"), "\(off.stdout)")
            await database.drop()
            return
        }
        #expect(off.stdout.contains("CLOCK OFF: this counter's clock is 5 min behind the journal's."), "\(off.stdout)")

        let json = try jsonObject(try await runner.run(["check", "--json"], environment: behind).stdout)
        #expect(json["clock_off"] as? Bool == true)
        let drift = try #require(json["clock_drift_seconds"] as? Double)
        #expect(abs(drift + 300) < 5, "\(drift)")
        await database.drop()
    }
}
