import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import PostgresJournal
import SQLiteJournal
import Testing

/// Payments per second the PostgreSQL journal records durably, with 1, 4 and 16 counters
/// at once (each a store of its own, as each console is a process), beside one counter on
/// SQLite; and reconciliation of held payments by one counter and by four at once. Each
/// payment is three committed transactions (intent `prepared`, `sending`, the answer), as
/// on the payment path. Skipped unless `ARROWNET_BENCH=1` and a server; prints figures,
/// asserts only counts.
///
///     ARROWNET_BENCH=1 ARROWNET_TEST_POSTGRES_URL=postgres://... \
///         swift test --skip-build --disable-xctest --filter PostgresJournalBenchmark
///
/// `ARROWNET_BENCH_PAYMENTS` (default 500, at most 20000) is the payments per run;
/// `ARROWNET_BENCH_HELD` (default 1000, at most 20000) the held payments reconciled.
@Suite(
    "PostgreSQL journal benchmark",
    .enabled(if: ProcessInfo.processInfo.environment["ARROWNET_BENCH"] == "1" && PostgresTestServer.isExpected), .serialized)
struct PostgresJournalBenchmark {
    static let environment = ProcessInfo.processInfo.environment
    static let payments = max(1, min(Int(environment["ARROWNET_BENCH_PAYMENTS"] ?? "") ?? 500, 20_000))
    static let held = max(1, min(Int(environment["ARROWNET_BENCH_HELD"] ?? "") ?? 1000, 20_000))

    @Test("durable payments per second on PostgreSQL", arguments: [1, 4, 16])
    func postgres(counters: Int) async throws {
        try await Self.withJournals(counters) { journals, _ in
            let seconds = try await Self.timed { try await Self.pay(Self.payments, on: journals) }
            #expect(try await journals[0].history(HistoryFilter(states: [.paid])).count == Self.payments)
            Self.printPayments("PostgreSQL, \(counters) counter\(counters == 1 ? "" : "s") at once", seconds: seconds, counters: counters)
        }
    }

    @Test("durable payments per second on SQLite, one counter, for comparison")
    func sqlite() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = try SQLiteJournal(path: folder.appendingPathComponent(SQLiteJournal.fileName).path)
        defer { journal.closeNow() }
        // Counter 0, as `pay` names a single journal's counter.
        _ = try await journal.openShift(ShiftOpening(counter: "counter-0", operatorName: "bench", openingFloat: .zero, openingBalance: nil, at: Date()))
        let seconds = try await Self.timed { try await Self.pay(Self.payments, on: [journal]) }
        #expect(try await journal.history(HistoryFilter(states: [.paid])).count == Self.payments)
        Self.printPayments("SQLite (WAL, synchronous=FULL), 1 counter", seconds: seconds, counters: 1)
    }

    @Test("reconciling held payments: claimLookups, then one lookup recorded per claimed payment", arguments: [1, 4])
    func reconciliation(counters: Int) async throws {
        try await Self.withJournals(counters) { journals, _ in
            try await Self.hold(Self.held, on: journals)
            let time = Date()
            let (claims, seconds) = try await Self.timedValue {
                try await withThrowingTaskGroup(of: [PaymentReference].self) { group in
                    for journal in journals {
                        group.addTask { try await Self.reconcile(journal, at: time) }
                    }
                    return try await group.reduce(into: [[PaymentReference]]()) { $0.append($1) }
                }
            }
            let all = claims.flatMap { $0 }
            let duplicates = all.count - Set(all).count
            #expect(duplicates == 0)
            #expect(Set(all).count == Self.held)
            #expect(try await journals[0].heldPayments(in: "sandbox").isEmpty)
            print("""
                PostgreSQL journal benchmark: reconciliation of \(Self.held) held payments by \(counters) counter\(counters == 1 ? "" : "s") at once:
                  lookups sent (claims): \(all.count), duplicates: \(duplicates), claims per counter: \(claims.map(\.count))
                  \(String(format: "%.2f", seconds)) s, \(Int(Double(all.count) / max(seconds, 1e-9))) lookups recorded/s
                """)
        }
    }

    // MARK: The work

    /// `count` payments, spread over the journals, each journal one counter paying one
    /// payment at a time as a console does.
    static func pay(_ count: Int, on journals: [any JournalStore]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (worker, journal) in journals.enumerated() {
                group.addTask {
                    for index in stride(from: worker, to: count, by: journals.count) {
                        try await JournalSamples.recordPaidPayment(journal, index: index, counter: worker)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// `count` held payments, each its own customer, due for a lookup now (not timed).
    static func hold(_ count: Int, on journals: [any JournalStore]) async throws {
        let past = Date().addingTimeInterval(-3600)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (worker, journal) in journals.enumerated() {
                group.addTask {
                    for index in stride(from: worker, to: count, by: journals.count) {
                        let intent = PaymentIntent(
                            reference: try PaymentReference("HELD\(index)"), khaltiEnvironment: "sandbox",
                            username: try Username("heldcustomer\(index)"), customerName: "Held Customer",
                            plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)), counter: "counter-\(worker)",
                            operatorName: "bench", createdAt: past)
                        guard case .prepared = try await journal.prepare(intent, refusingIfPaidSince: nil) else {
                            throw SampleError("HELD\(index) not prepared")
                        }
                        _ = try await journal.markSending(intent.reference, at: past)
                        _ = try await journal.recordAnswer(
                            RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "no answer"), transactionID: nil,
                                           firstLookupAt: past.addingTimeInterval(300)),
                            of: intent.reference, at: past)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    /// What a console's reconciliation does: claim what is due, look each up (Khalti's
    /// answer taken as paid), record it; again until nothing is left to claim. Returns
    /// every payment claimed, once per claim: a lookup sent.
    static func reconcile(_ journal: any JournalStore, at time: Date) async throws -> [PaymentReference] {
        var claimed: [PaymentReference] = []
        while true {
            let batch = try await journal.claimLookups(in: "sandbox", account: JournalSamples.account, at: time, schedule: .due, claimUntil: time.addingTimeInterval(300))
            if batch.isEmpty { return claimed }
            for payment in batch {
                claimed.append(payment.reference)
                _ = try await journal.recordLookup(
                    payment.reference, found: .resolved(.paid, transactionID: "tx-\(payment.reference)"),
                    evidence: PaymentEvidence(note: "Khalti: Completed", httpStatus: 200), at: time)
            }
        }
    }

    // MARK: Set-up and figures

    /// A fresh database and `counters` PostgreSQL journals on it, each with an open shift
    /// at a counter of its own; all closed and dropped afterwards.
    static func withJournals(_ counters: Int, _ body: ([any JournalStore], PostgresTestDatabase) async throws -> Void) async throws {
        let database = try await PostgresTestDatabase.create()
        var journals: [PostgresJournal] = []
        do {
            for counter in 0..<counters {
                let journal = try await PostgresJournal.open(database.address)
                journals.append(journal)
                _ = try await journal.openShift(ShiftOpening(
                    counter: "counter-\(counter)", operatorName: "bench", openingFloat: .zero, openingBalance: nil, at: Date()))
            }
            try await body(journals, database)
        } catch {
            for journal in journals { await journal.close() }
            await database.drop()
            throw error
        }
        for journal in journals { await journal.close() }
        await database.drop()
    }

    static func timed(_ work: () async throws -> Void) async throws -> Double {
        try await timedValue(work).1
    }

    static func timedValue<T>(_ work: () async throws -> T) async throws -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = try await work()
        let elapsed = clock.now - start
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func printPayments(_ label: String, seconds: Double, counters: Int) {
        let perSecond = Double(payments) / max(seconds, 1e-9)
        // What one counter waits for its three writes, on average, while the others write too.
        let milliseconds = seconds * 1000 / Double(payments) * Double(counters)
        print("""
            PostgreSQL journal benchmark: \(label), \(payments) payments:
              \(Int(perSecond)) payments/s recorded durably (\(Int(perSecond * 3)) committed transactions/s), \(String(format: "%.2f", seconds)) s
              \(String(format: "%.2f", milliseconds)) ms added to each payment (three transactions) as a counter waits
            """)
    }
}
