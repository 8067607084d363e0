import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Queued payments settle")
struct SettlementTests {
    @Test func queuedThenSuccessOnTheFirstLookup() async throws {
        try await TestSandbox.with { sandbox in
            let commit = try await sandbox.pay("queuedok", "1695.00", reference: "qs1")
            #expect(commit.status == 200)
            let json = try commit.json()
            #expect(json["state"] == .string("Queued"))
            #expect(json["status"] == .bool(true))
            #expect(json["message"]?.string?.contains("Queued") == true)
            #expect(try await sandbox.credits().consumed == .of("1695"), "a queued payment holds the money")

            let lookup = try await sandbox.status("qs1").json()
            #expect(lookup["state"] == .string("Success"))
            #expect(try await sandbox.credits().consumed == .of("1695"))
        }
    }

    @Test func queuedThenFailedOnTheFirstLookupGivesTheMoneyBack() async throws {
        try await TestSandbox.with { sandbox in
            #expect(try await sandbox.pay("queuedfail", "1695.00", reference: "qf1").json()["state"] == .string("Queued"))
            #expect(try await sandbox.credits().available == .of("98305"))
            let lookup = try await sandbox.status("qf1").json()
            #expect(lookup["state"] == .string("Failed"))
            #expect(lookup["refunded"] == .bool(true))
            #expect(lookup["refunds"]?.array?.count == 1)
            #expect(try await sandbox.credits().available == .of("100000"))
        }
    }

    @Test func settlesOnTheNthLookupWhenTheCustomerSaysSo() async throws {
        var customer = try #require(try SandboxCustomer.seededCustomers().first { $0.username == "queuedok" })
        customer.username = "slowqueue"
        customer.settleAfterLookups = 3
        let configuration = SandboxConfiguration(customers: [customer])
        try await TestSandbox.with(configuration) { sandbox in
            _ = try await sandbox.pay("slowqueue", "1695.00", reference: "n1")
            #expect(try await sandbox.status("n1").json()["state"] == .string("Queued"))
            let bulk = try await sandbox.get("/api/service/bulk/status/", query: "token=TEST:sandbox&references=n1")
            #expect(try bulk.json()["detail"]?[0]?["state"] == .string("Queued"), "a bulk lookup counts too")
            #expect(try await sandbox.status("n1").json()["state"] == .string("Success"))
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "n1").first?.lookups == 3)
        }
    }

    @Test func settleAllMovesEveryQueuedPaymentAtOnce() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("queuedok", "1695.00", reference: "sa1")
            _ = try await sandbox.pay("queuedfail", "5085.00", months: 3, reference: "sa2")
            #expect(try await sandbox.sandbox.settleAll() == 2)
            let entries = try await sandbox.sandbox.ledgerEntries()
            #expect(entries.map(\.state) == [.success, .failed])
            #expect(entries.map(\.lookups) == [0, 0])
            #expect(try await sandbox.sandbox.settleAll() == 0)
            #expect(try await sandbox.sandbox.balance() == SandboxBalance(available: Money(rupees: 98305), consumed: Money(rupees: 1695)))
        }
    }

    @Test func sandboxTimeSettlesWithoutAnyLookup() async throws {
        let time = ManualSandboxClock()
        let configuration = SandboxConfiguration(settleQueuedAfterSeconds: 20, clock: time.clock)
        try await TestSandbox.with(configuration) { sandbox in
            _ = try await sandbox.pay("queuedfail", "1695.00", reference: "t1")
            time.advance(seconds: 19)
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "t1").first?.state == .queued)
            #expect(try await sandbox.credits().available == .of("98305"))
            time.advance(seconds: 1)
            #expect(try await sandbox.credits().available == .of("100000"), "the balance call itself sees the settlement")
            let entry = try #require(try await sandbox.sandbox.ledgerEntries(reference: "t1").first)
            #expect(entry.state == .failed)
            #expect(entry.lookups == 0)
            #expect(entry.refunds.first?.createdAt == time.now())
        }
    }
}
