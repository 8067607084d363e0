import Foundation
import KhaltiSandbox
import Testing

/// A payment the journal has as PAID that Khalti refunds afterwards: found by `status` or
/// `reconcile`, recorded, flagged for a person, listed by `history --attention`.
@Suite("Refunds after PAID are caught")
struct RefundAfterPaidTests {
    @Test("status finds the refund, records it and flags the payment for a person; resolve settles it")
    func byStatus() async throws {
        let sandbox = try await RunningSandbox.start()
        let url = ["--base-url", sandbox.baseURL]
        let runner = try await BinaryRunner.ready()
        let reference = try await runner.pay("Pradhanang", url)
        #expect(try await runner.run(["history", "--attention", "--json"]).stdout == "[]\n")
        _ = try await sandbox.refund(reference: reference, remarks: "Refunded by Khalti support")

        let status = try await runner.run(["status", reference] + url)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("ATTENTION        A person must decide: Khalti refunded"), "\(status.stdout)")
        #expect(status.stdout.contains("Lookup of a paid payment"), "the event is in the history")
        let listed = try jsonArray(try await runner.run(["history", "--attention", "--json"]).stdout)
        #expect(listed.map { $0["reference"] as? String } == [reference])
        #expect(listed.first?["state"] as? String == "paid")
        // The live lookup's id is the status answer's response_id, not the payment's transaction id.
        let json = try jsonObject(try await runner.run(["status", reference, "--json"] + url).stdout)
        let live = try #require(json["khalti"] as? [String: Any])
        #expect(live["response_id"] is String && live["transaction_id"] == nil, "\(live)")
        #expect(live["refunded"] as? Bool == true)
        let receipt = try await runner.run(["receipt", reference, "--reprint"])
        #expect(receipt.status == 8, "no receipt while a person must decide: \(receipt.stderr)")

        let resolved = try await runner.run(["resolve", reference, "--not-paid", "--note", "money went back to the customer"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(try await runner.run(["history", "--attention", "--json"]).stdout == "[]\n")
        await sandbox.stop()
    }

    @Test("reconcile --now checks today's paid payments and flags the refunded one; --paid-since widens it")
    func byReconcile() async throws {
        let sandbox = try await RunningSandbox.start()
        let url = ["--base-url", sandbox.baseURL]
        let runner = try await BinaryRunner.ready()
        let kept = try await runner.pay("Pradhanang", url)
        let refunded = try await runner.pay("duecustomer", url)
        _ = try await sandbox.refund(reference: refunded)

        let plain = try await runner.run(["reconcile"] + url)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("FLAGGED"), "a plain reconcile looks up held payments only")

        let now = try await runner.run(["reconcile", "--now"] + url)
        #expect(now.status == 0, "\(now.stderr)")
        #expect(now.stdout.contains("FLAGGED   \(refunded)  duecustomer"), "\(now.stdout)")
        #expect(now.stdout.contains("Checked 2 paid payment(s) taken since"), "\(now.stdout)")
        #expect(!now.stdout.contains("FLAGGED   \(kept)"))
        let listed = try jsonArray(try await runner.run(["history", "--attention", "--json"]).stdout)
        #expect(listed.map { $0["reference"] as? String } == [refunded])

        // Already flagged: not looked up again; the other is checked and fine.
        let since = try await runner.run(["reconcile", "--paid-since", "yesterday"] + url)
        #expect(since.status == 0)
        #expect(since.stdout.contains("Checked 1 paid payment(s)"), "\(since.stdout)")
        #expect(since.stdout.contains("none was refunded"))
        let bad = try await runner.run(["reconcile", "--paid-since", "soon"] + url)
        #expect(bad.status == 64)
        await sandbox.stop()
    }

    @Test("reconcile pointed at another Khalti says which held payments it did not look up, and where they are")
    func elsewhere() async throws {
        let first = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let second = try await RunningSandbox.start()
        let runner = try await BinaryRunner.ready()
        let held = try await runner.pay("Pradhanang", ["--base-url", first.baseURL])
        let result = try await runner.run(["reconcile", "--now", "--base-url", second.baseURL])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 held payment(s) went to local \(first.baseURL) and were not looked up by this run"), "\(result.stdout)")
        #expect(result.stdout.contains("arrownet reconcile --base-url \(first.baseURL)"))
        #expect(result.stdout.contains(held))
        #expect(!result.stdout.contains("still held; keep their cash aside"), "none is held with this Khalti")
        await first.stop()
        await second.stop()
    }
}
