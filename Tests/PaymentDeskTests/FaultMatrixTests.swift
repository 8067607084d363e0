import ArrownetDomain
import Foundation
import NetworkTestSupport
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import Testing

/// Every fault the sandbox can put on, at each moment that matters (the payment, a
/// single lookup, a bulk lookup), driven through the real desk and reconciliation
/// against a real sandbox and journal. Customers are drawn by a seeded generator, so a
/// run is repeatable (`ARROWNET_MATRIX_SEED` picks another draw); the matrix it ran is
/// printed. After each case the invariants that protect the money are checked.
@Suite("Desk: the fault matrix")
struct FaultMatrixTests {
    static let seed = UInt64(ProcessInfo.processInfo.environment["ARROWNET_MATRIX_SEED"] ?? "") ?? 2026

    static let commitFaults: [FaultRule.Effect?] = [
        nil, .dropBeforeHandling, .dropConnection, .answerLate(milliseconds: 1_500), .httpError(status: 502), .nonJSONBody, .maintenance,
        .alreadyPaid, .refusal(code: "1019", status: 400),
    ]
    static let lookupFaults: [LookupFault] = [
        .none, .effect(.dropBeforeHandling), .effect(.dropConnection), .effect(.httpError(status: 503)), .effect(.nonJSONBody),
        .effect(.maintenance), .effect(.errorEntries(code: "1017")), .effect(.wrongAmount), .refundedAtKhalti,
    ]
    static let customers = ["Pradhanang", "duecustomer", "expired", "queuedok", "queuedfail", "failnow"]

    enum LookupFault: Sendable, CustomStringConvertible {
        case none
        case effect(FaultRule.Effect)
        /// Khalti refunds what it applied while the journal still holds the payment.
        case refundedAtKhalti

        var description: String {
            switch self {
            case .none: "none"
            case .effect(let effect): FaultMatrixTests.name(effect)
            case .refundedAtKhalti: "refunded"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let number: Int
        let commit: FaultRule.Effect?
        let lookup: LookupFault
        let bulk: Bool
        let customers: [String]

        var description: String {
            "#\(number) commit=\(commit.map(FaultMatrixTests.name) ?? "none") lookup=\(lookup) "
                + "path=\(bulk ? "bulk" : "single") customers=\(customers.joined(separator: ","))"
        }
    }

    /// Every commit fault with every lookup fault, through a single and a bulk lookup.
    static func cases() -> [Case] {
        var random = SplitMix64(seed: seed)
        var cases: [Case] = []
        for commit in commitFaults {
            for lookup in lookupFaults {
                for bulk in [false, true] {
                    var pool = customers
                    var chosen: [String] = []
                    for _ in 0..<(bulk ? 2 : 1) {
                        chosen.append(pool.remove(at: Int(random.next() % UInt64(pool.count))))
                    }
                    cases.append(Case(number: cases.count + 1, commit: commit, lookup: lookup, bulk: bulk, customers: chosen))
                }
            }
        }
        return cases
    }

    @Test("every fault at every moment keeps the money invariants")
    func matrix() async throws {
        let cases = Self.cases()
        var lines: [String] = []
        try await withThrowingTaskGroup(of: String.self) { group in
            var next = 0
            // Six cases at a time: each has its own sandbox and journal.
            for _ in 0..<min(6, cases.count) {
                let testCase = cases[next]
                next += 1
                group.addTask { try await Self.run(testCase) }
            }
            while let line = try await group.next() {
                lines.append(line)
                if next < cases.count {
                    let testCase = cases[next]
                    next += 1
                    group.addTask { try await Self.run(testCase) }
                }
            }
        }
        lines.sort { Self.number($0) < Self.number($1) }
        print("fault matrix, seed \(Self.seed), \(cases.count) cases:\n" + lines.joined(separator: "\n"))
        #expect(lines.count == cases.count)
    }

    static func number(_ line: String) -> Int {
        Int(line.dropFirst().prefix { $0.isNumber }) ?? 0
    }

    /// Pays, puts the lookup fault on, reconciles until the window has passed, and checks.
    static func run(_ testCase: Case) async throws -> String {
        let commitRules = testCase.commit.map { [FaultRule(call: .commit, effect: $0)] } ?? []
        var line = ""
        try await DeskHarness.with(SandboxConfiguration(faults: commitRules), timeouts: KhaltiTimeouts(payment: 1, lookup: 2)) { harness in
            // A lookup fault is in place from the start, so it also meets the one lookup
            // that settles an answered refusal while the customer waits.
            if case .effect(let effect) = testCase.lookup {
                harness.sandbox.add(FaultRule(call: testCase.bulk ? .bulkStatus : .status, times: 1, effect: effect))
            }
            var references: [PaymentReference] = []
            for customer in testCase.customers {
                if let summary = try await harness.pay(customer).summary { references.append(summary.reference) }
            }
            // The commit fault stops; a lookup fault not yet spent stays.
            for status in harness.sandbox.faultStatuses() where status.rule.call == .commit {
                harness.sandbox.remove(status.id)
            }
            switch testCase.lookup {
            case .none, .effect: break
            case .refundedAtKhalti:
                for reference in references where try await harness.journal.payment(reference)?.state == .held {
                    _ = try await harness.sandbox.refund(reference: reference.value, remarks: "matrix")
                }
            }
            for _ in 0..<8 { _ = await harness.reconcile(after: 6 * 60) }
            line = try await check(testCase, references: references, harness: harness)
        }
        return line
    }

    /// The invariants, recorded as issues naming the case; the case's line for the matrix.
    static func check(_ testCase: Case, references: [PaymentReference], harness: DeskHarness) async throws -> String {
        let records = try await harness.journal.history(HistoryFilter())
        let ledger = try await harness.sandbox.ledgerEntries()
        // Counted where requests arrive: the ledger keeps one entry per reference
        // whatever is sent, so only this can show a resend.
        let sent = harness.sandbox.commitRequests()
        let where_ = "\(testCase)"
        for (reference, count) in sent {
            #expect(count == 1, "\(where_): \(reference) was sent \(count) times")
        }
        #expect(sent.count == records.count, "\(where_): \(sent.count) references sent for \(records.count) payments")
        #expect(Set(ledger.map(\.reference)).isSubset(of: Set(records.map(\.reference.value))), "\(where_): Khalti has a payment the journal never wrote")
        var outcome: [String] = []
        for record in records {
            let applied = ledger.filter { $0.reference == record.reference.value }
            #expect(applied.count <= 1, "\(where_): \(record.reference) applied \(applied.count) times")
            let entry = applied.first
            switch record.state {
            case .paid:
                #expect(entry?.state == .success, "\(where_): PAID but Khalti has \(String(describing: entry?.state))")
            case .notPaid, .notReceived, .abandoned:
                #expect(entry == nil || entry?.state == .failed || entry?.isRefunded == true,
                        "\(where_): \(record.state.label) but Khalti applied it: \(String(describing: entry))")
            case .held:
                // Eight reconciliations over 48 minutes: a held payment has been asked
                // about, or is waiting for a person; "due some day" is not enough.
                #expect(record.attention != nil || (record.lookupCount > 0 && record.nextLookupAt != nil),
                        "\(where_): held, but never looked up (\(record.lookupCount) lookups) and not waiting for a person")
            case .prepared, .sending:
                Issue.record("\(where_): \(record.reference) left \(record.state.rawValue)")
            }
            let server = entry.map { "\($0.state.rawValue)\($0.isRefunded ? "+refunded" : "")" } ?? "none"
            outcome.append("\(record.state.label)\(record.attention == nil ? "" : " (NEEDS A PERSON)")/\(server)")
        }
        return "\(testCase) -> \(outcome.joined(separator: ", "))"
    }

    static func name(_ effect: FaultRule.Effect) -> String {
        switch effect {
        case .latency(let milliseconds): "latency(\(milliseconds))"
        case .httpError(let status): "http_error(\(status))"
        case .nonJSONBody: "non_json"
        case .dropConnection: "drop_connection"
        case .dropBeforeHandling: "drop_before"
        case .answerLate(let milliseconds): "answer_late(\(milliseconds))"
        case .maintenance: "maintenance"
        case .errorEntries(let code): "error_entries(\(code))"
        case .wrongAmount: "wrong_amount"
        case .alreadyPaid: "already_paid"
        case .refusal(let code, let status): "refusal(\(code), \(status))"
        }
    }
}
