import ArrownetDomain
import Foundation
import KhaltiSandbox
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("arrownet resolve: a person settles what Khalti cannot")
struct ResolveCommandTests {
    @Test("a held payment resolved not paid no longer blocks its customer; who and why are in its history")
    func heldNotPaid() async throws {
        let runner = try await BinaryRunner.ready()
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .httpError(status: 502))]))
        let held = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(held.status == 6, "\(held.stderr)")
        let reference = try #require(held.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL]).status == 9)

        let resolved = try await runner.run(
            ["resolve", reference, "--not-paid", "--note", "Khalti support: never arrived", "--operator", "Ram", "--json"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(resolved.stdout.utf8)) as? [String: Any])
        #expect(object["outcome"] as? String == "recorded")
        #expect((object["payment"] as? [String: Any])?["state"] as? String == "not_paid")

        let status = try await runner.run(["status", reference, "--json", "--base-url", sandbox.baseURL])
        let events = try #require((try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["events"] as? [[String: Any]])
        #expect((events.last?["note"] as? String)?.contains("Decided by Ram: Khalti support: never arrived") == true)

        // The customer pays again, at once.
        #expect(try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL]).status == 0)
        await sandbox.stop()
    }

    @Test("--paid records it paid and prints the receipt; a second decision changes nothing (exit 8); unknown is exit 3")
    func paidAndRefused() async throws {
        let runner = try await BinaryRunner.ready()
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let held = try await runner.run(["pay", "duecustomer", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(held.status == 6)
        let reference = try #require(held.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
        let resolved = try await runner.run(["resolve", reference, "--paid", "--note", "merchant portal: Success"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        #expect(resolved.stdout.contains("PAID: recorded as decided by"))
        #expect(resolved.stdout.contains("Receipt saved as "))
        let receipts = try FileManager.default.contentsOfDirectory(atPath: runner.home.appendingPathComponent("data/receipts").path)
        #expect(receipts.count == 1)

        let again = try await runner.run(["resolve", reference, "--not-paid", "--note", "changed my mind"])
        #expect(again.status == 8)
        #expect(again.stderr.contains("is PAID and waits for no decision; nothing was changed"))
        let unknown = try await runner.run(["resolve", "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V", "--paid", "--note", "x"])
        #expect(unknown.status == 3)
        #expect(try await runner.run(["resolve", reference, "--paid"]).status == 64, "a note is required")
        #expect(try await runner.run(["resolve", reference, "--paid", "--not-paid", "--note", "x"]).status == 64)
        await sandbox.stop()
    }

    @Test("history --attention lists what waits for a person, and resolve clears it")
    func attention() async throws {
        let runner = try await BinaryRunner.ready()
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let held = try await runner.run(["pay", "expired", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        let reference = try PaymentReference(try #require(held.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init)))
        // A lookup whose amount disagrees flags it (the sandbox's wrong_amount fault).
        sandbox.add(FaultRule(call: .status, effect: .wrongAmount))
        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.stdout.contains("need a person"), "\(reconcile.stdout)")
        let listed = try await runner.run(["history", "--attention", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["reference"] as? String } == [reference.value])
        #expect((rows.first?["attention"] as? String)?.contains("but the counter sent") == true)

        #expect(try await runner.run(["resolve", reference.value, "--not-paid", "--note", "refunded by Khalti support"]).status == 0)
        let after = try await runner.run(["history", "--attention", "--json"])
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        await sandbox.stop()
    }
}
