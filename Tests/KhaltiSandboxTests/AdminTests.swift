import Foundation
import KhaltiSandbox
import Testing

@Suite("Admin endpoint /__sandbox/")
struct AdminTests {
    @Test func faultsCanBeAddedListedAndClearedOverHTTP() async throws {
        try await TestSandbox.with { sandbox in
            let added = try await sandbox.post("/__sandbox/faults", #"{"call": "commit", "username": "failnow", "times": 1, "effect": "http_error", "status": 502}"#)
            #expect(added.status == 201)
            #expect(try added.json()["id"] == .number(1))
            #expect(sandbox.sandbox.faultStatuses().first?.rule == FaultRule(call: .commit, username: "failnow", times: 1, effect: .httpError(status: 502)))

            #expect(try await sandbox.pay("failnow", "1695.00", reference: "a1").status == 502)
            let listed = try await sandbox.get("/__sandbox/faults").json()
            #expect(listed["faults"]?[0]?["fired"] == .number(1))
            #expect(listed["faults"]?[0]?["spent"] == .bool(true))
            #expect(listed["faults"]?[0]?["rule"]?["effect"] == .string("http_error"))

            let bad = try await sandbox.post("/__sandbox/faults", #"{"effect": "explode"}"#)
            #expect(bad.status == 400)

            let cleared = try await sandbox.delete("/__sandbox/faults")
            #expect(try cleared.json()["cleared"] == .number(1))
            #expect(sandbox.sandbox.faultStatuses().isEmpty)
        }
    }

    @Test func everyFaultEffectHasAJSONForm() throws {
        let rules: [FaultRule] = [
            FaultRule(effect: .latency(milliseconds: 10)),
            FaultRule(call: .bulkStatus, effect: .httpError(status: 500)),
            FaultRule(call: .balance, effect: .nonJSONBody),
            FaultRule(call: .commit, username: "x", times: 3, effect: .dropConnection),
            FaultRule(call: .commit, effect: .answerLate(milliseconds: 5_000)),
            FaultRule(call: .details, effect: .maintenance),
        ]
        for rule in rules {
            let json = try JSONEncoder().encode(rule)
            #expect(try JSONDecoder().decode(FaultRule.self, from: json) == rule)
        }
    }

    @Test func ledgerAndSettleOverHTTP() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("queuedok", "1695.00", reference: "l1")
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "l2")
            let one = try await sandbox.get("/__sandbox/ledger", query: "reference=l1").json()
            #expect(one["entries"]?.array?.count == 1)
            #expect(one["entries"]?[0]?["state"] == .string("Queued"))
            #expect(one["entries"]?[0]?["amount"] == .string("1695.00"))
            #expect(try await sandbox.get("/__sandbox/ledger").json()["entries"]?.array?.count == 2)
            #expect(try await sandbox.get("/__sandbox/ledger", query: "reference=none").json()["entries"] == .array([]))

            let settled = try await sandbox.post("/__sandbox/settle", "")
            #expect(try settled.json()["settled"] == .number(1))
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "l1").first?.state == .success)

            let refund = try await sandbox.post("/__sandbox/refund", #"{"reference": "l2", "remarks": "test"}"#)
            #expect(refund.status == 200)
            #expect(try refund.json()["entry"]?["refunded_amount"] == .string("1695.00"))
            #expect(try await sandbox.post("/__sandbox/refund", #"{"reference": "zz"}"#).status == 404)
        }
    }
}
