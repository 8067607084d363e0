import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("arrownet reconcile and history --attention: a late Success on a payment a person decided NOT PAID (issue 20, finding 3)")
struct LateAnswerCommandTests {
    @Test("reconcile flags it with both facts, history --attention lists it, resolve --paid settles it")
    func lateSuccess() async throws {
        let runner = try await BinaryRunner.ready()
        // Khalti applies the payment and the answer is lost: held.
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)]))
        let held = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(held.status == 6, "\(held.stderr)")
        let reference = try #require(held.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
        let decided = try await runner.run(["resolve", reference, "--not-paid", "--note", "customer left", "--operator", "Ram"])
        #expect(decided.status == 0, "\(decided.stderr)")

        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        let listed = try await runner.run(["history", "--attention", "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["reference"] as? String } == [reference])
        #expect(rows.first?["state"] as? String == "not_paid", "the state does not move by itself")
        let attention = try #require(rows.first?["attention"] as? String)
        #expect(attention.hasPrefix("recorded NOT PAID by Ram at "), "\(attention)")
        #expect(attention.hasSuffix("after 'customer left'; Khalti says Success"), "\(attention)")

        // The shift's report names it with both facts.
        let shiftReport = try await runner.run(["shift", "report", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(shiftReport.stdout.utf8)) as? [String: Any], "\(shiftReport.stderr)")
        let named = try #require(report["needs_person"] as? [[String: Any]])
        #expect(named.map { $0["reference"] as? String } == [reference])
        #expect(named.first?["attention"] as? String == attention)

        let paid = try await runner.run(["resolve", reference, "--paid", "--note", "portal says Success", "--operator", "Sita"])
        #expect(paid.status == 0, "\(paid.stderr)")
        let after = try await runner.run(["history", "--attention", "--json"])
        #expect(after.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        await sandbox.stop()
    }
}
