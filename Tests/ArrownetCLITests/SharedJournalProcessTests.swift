import Foundation
import JournalTestSupport
import KhaltiSandbox
import PaymentJournal
import PostgresJournal
import Testing

/// Counters as real processes, each with its own home, config and data folder, all on one
/// PostgreSQL journal (`journal_url`), against one sandbox: what reaches Khalti is counted.
/// Never skipped under CI (`PostgresTestServer.isExpected`).
@Suite("Counters on one shared PostgreSQL journal", .serialized, .enabled(if: PostgresTestServer.isExpected))
struct SharedJournalProcessTests {
    /// `count` counters named Counter1... on the database, each with its own operator.
    static func counters(_ count: Int, on database: PostgresTestDatabase) throws -> [BinaryRunner] {
        try (1...count).map { number in
            let runner = try BinaryRunner()
            try runner.writeConfig("counter = Counter\(number)\noperator = Clerk\(number)\njournal_url = \(database.url)\n")
            return runner
        }
    }

    static func allAtOnce(_ runners: [BinaryRunner], _ arguments: [String]) async throws -> [BinaryRunner.Result] {
        try await withThrowingTaskGroup(of: BinaryRunner.Result.self) { group in
            for runner in runners { group.addTask { try await runner.run(arguments) } }
            return try await group.reduce(into: [BinaryRunner.Result]()) { $0.append($1) }
        }
    }

    @Test("eight counters pay one customer at the same moment, three times: one payment reaches Khalti, the others are told who is taking it")
    func eightCountersOneCustomer() async throws {
        for round in 1...3 {
            let database = try await PostgresTestDatabase.create()
            let sandbox = try await RunningSandbox.start(SandboxConfiguration(
                dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")))
            let runners = try Self.counters(8, on: database)
            let opens = try await Self.allAtOnce(runners, ["shift", "open", "--operator", "Clerk", "--float", "1000"])
            #expect(opens.allSatisfy { $0.status == 0 }, "round \(round): \(opens.map(\.stderr))")

            let results = try await Self.allAtOnce(runners, ["pay", "duecustomer", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
            let statuses = results.map(\.status).sorted()
            let detail = "round \(round): \(statuses) \(results.map(\.stderr).joined(separator: " | "))"
            #expect(statuses.filter { $0 == 0 }.count == 1, "\(detail)")
            // The others: another counter's payment open (9), or paid already today (10) had
            // the first finished before they looked; never a journal failure.
            #expect(statuses.allSatisfy { [0, 9, 10].contains($0) }, "\(detail)")
            for blocked in results where blocked.status == 9 {
                #expect((blocked.stdout + blocked.stderr).contains("Counter"), "names the counter taking it: \(blocked.stdout)")
            }
            #expect(try await sandbox.ledgerEntries().count == 1, "\(detail)")

            let journal = try await PostgresJournal.open(database.address)
            let payments = try await journal.history(HistoryFilter())
            #expect(payments.map(\.state) == [.paid], "\(detail)")
            let winner = try #require(results.first { $0.status == 0 })
            #expect(payments.first.map { winner.stdout.contains($0.reference.value) } == true, "\(winner.stdout)")
            await journal.close()
            await sandbox.stop()
            await database.drop()
        }
    }

    @Test("a counter killed mid-payment while the others keep paying: another counter's reconcile settles it, sent once")
    func killedCounterSettledByAnother() async throws {
        let database = try await PostgresTestDatabase.create()
        // Khalti applies the first payment, then takes its time answering; its counter dies meanwhile.
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)"),
            faults: [FaultRule(call: .commit, times: 1, effect: .answerLate(milliseconds: 8_000))]))
        let runners = try Self.counters(3, on: database)
        for runner in runners { try await runner.openShift() }
        let (dying, others) = (runners[0], Array(runners.dropFirst()))

        let pay = try BinaryProcess(dying, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(try await eventually { try await sandbox.ledgerEntries().count == 1 }, "the payment reached Khalti: \(pay.output)")
        pay.killNow()
        #expect(await pay.waitForExit().killed)

        // The other counters take their customers' payments as usual, at the same moment.
        async let first = others[0].run(["pay", "duecustomer", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        async let second = others[1].run(["pay", "longname", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        let paid = try await [first, second]
        #expect(paid.map(\.status) == [0, 0], "\(paid.map(\.stderr))")

        let journal = try await PostgresJournal.open(database.address)
        let stranded = try #require(try await journal.history(HistoryFilter(counter: "Counter1")).first)
        #expect(stranded.state == .sending, "left as its counter died")

        let reconcile = try await others[0].run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(reconcile.stdout.contains("RECOVERED \(stranded.reference.value)"), "\(reconcile.stdout)")
        #expect(reconcile.stdout.contains("HELD -> PAID"), "\(reconcile.stdout)")
        #expect(try await journal.payment(stranded.reference)?.state == .paid)
        #expect(try await sandbox.ledgerEntries(reference: stranded.reference.value).count == 1, "never resent")
        #expect(try await sandbox.ledgerEntries().count == 3)
        await journal.close()
        await sandbox.stop()
        await database.drop()
    }

    @Test("a shared journal that cannot be reached: nothing is sent, exit 11; a URL with a password is refused without showing it")
    func unreachableOrBadURL() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")))
        let runner = try BinaryRunner()
        // A loopback port nothing listens on.
        let down = try await runner.run(
            ["pay", "duecustomer", "--months", "1", "--yes", "--base-url", sandbox.baseURL],
            environment: ["ARROWNET_JOURNAL_URL": "postgres://arrownet@127.0.0.1:9/arrownet"])
        #expect(down.status == 11, "\(down.stderr)")
        #expect(down.stderr.contains("postgres://arrownet@127.0.0.1:9/arrownet"), "\(down.stderr)")
        #expect(try await sandbox.ledgerEntries().isEmpty)

        let secret = try await runner.run(
            ["history"], environment: ["ARROWNET_JOURNAL_URL": "postgres://arrownet:hunter2@127.0.0.1/arrownet"])
        #expect(secret.status == 64, "\(secret.stderr)")
        #expect(secret.stderr.contains("PGPASSWORD"), "\(secret.stderr)")
        #expect(!secret.stderr.contains("hunter2") && !secret.stdout.contains("hunter2"))
        await sandbox.stop()
    }

    @Test("journal copy moves a counter's SQLite history into the shared journal once; run again, it copies nothing; the counter then pays there")
    func copyThenPayOnShared() async throws {
        let database = try await PostgresTestDatabase.create()
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("shared-\(UUID().uuidString)")))
        let runner = try BinaryRunner()
        try runner.writeConfig("counter = Counter1\noperator = Clerk1\n")
        try await runner.openShift()
        let paid = try await runner.run(["pay", "duecustomer", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(paid.status == 0, "\(paid.stderr)")

        let copied = try await runner.run(["journal", "copy", "--to", database.url, "--json"])
        #expect(copied.status == 0, "\(copied.stderr)")
        let first = try JSONSerialization.jsonObject(with: Data(copied.stdout.utf8)) as? [String: Any]
        #expect(first?["payments_copied"] as? Int == 1 && first?["shifts_copied"] as? Int == 1, "\(copied.stdout)")
        let again = try await runner.run(["journal", "copy", "--to", database.url, "--json"])
        let second = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any]
        #expect(second?["payments_copied"] as? Int == 0 && second?["payments_already_there"] as? Int == 1, "\(again.stdout)")

        // The counter moves to the shared journal: its history and open shift are there.
        try runner.writeConfig("counter = Counter1\noperator = Clerk1\njournal_url = \(database.url)\n")
        let history = try await runner.run(["history", "--counter", "counter1"])
        #expect(history.status == 0 && history.stdout.contains("duecustomer"), "\(history.stdout)\(history.stderr)")
        let next = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(next.status == 0, "pays in the copied open shift: \(next.stderr)")
        let journal = try await PostgresJournal.open(database.address)
        #expect(try await journal.history(HistoryFilter(states: [.paid])).count == 2)
        await journal.close()
        await sandbox.stop()
        await database.drop()
    }
}
