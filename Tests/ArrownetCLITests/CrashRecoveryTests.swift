import ArrownetDomain
import Foundation
import KhaltiSandbox
import PaymentJournal
import SQLiteJournal
import Testing

/// The real binary killed with SIGKILL at the two moments that matter, then restarted.
@Suite("pay killed mid-payment, then reconcile", .serialized)
struct CrashRecoveryTests {
    @Test("killed while the payment is out: reconcile finds it paid, and Khalti has exactly one payment")
    func killedWhileOut() async throws {
        let runner = try await BinaryRunner.ready()
        let ledger = runner.home.appendingPathComponent("khalti-ledger")
        // Khalti applies the payment, then takes its time answering; the process dies meanwhile.
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            dataDirectory: ledger, faults: [FaultRule(call: .commit, times: 1, effect: .answerLate(milliseconds: 5_000))]))
        let pay = try BinaryProcess(runner, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        let applied = try await eventually { try await sandbox.ledgerEntries().count == 1 }
        #expect(applied, "the payment reached Khalti; output: \(pay.output)")
        let journal = try SQLiteJournal(path: runner.home.appendingPathComponent("data/journal.sqlite").path)
        defer { journal.closeNow() }
        let out = try #require(try await journal.history(HistoryFilter()).first)
        #expect(out.state == .sending, "the journal knew the payment was out before it left")
        #expect(pay.isRunning, "still waiting for Khalti's answer")

        pay.killNow()
        #expect(await pay.waitForExit().killed)
        #expect(try await journal.payment(out.reference)?.state == .sending)

        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(reconcile.stdout.hasPrefix("LOCAL SERVER") || reconcile.stdout.hasPrefix("SANDBOX"))
        #expect(reconcile.stdout.contains("RECOVERED \(out.reference.value)"))
        #expect(reconcile.stdout.contains("SENDING -> HELD"))
        #expect(reconcile.stdout.contains("CHANGED   \(out.reference.value)"))
        #expect(reconcile.stdout.contains("HELD -> PAID"))

        let record = try #require(try await journal.payment(out.reference))
        #expect(record.state == .paid)
        #expect(try await journal.events(of: out.reference).map(\.to) == [.prepared, .sending, .held, .paid])
        #expect(try await sandbox.ledgerEntries(reference: out.reference.value).count == 1)
        #expect(try await sandbox.ledgerEntries().count == 1, "never resent")
        await sandbox.stop()
    }

    @Test("a release build ignores the crash tests' pause between intent and sending")
    func releaseIgnoresTestHooks() async throws {
        let runner = try await BinaryRunner.ready()
        guard try await !runner.isDebugBuild() else { return }
        let sandbox = try await RunningSandbox.start(SandboxConfiguration())
        let started = ContinuousClock.now
        let pay = try await runner.run(
            ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL],
            environment: ["ARROWNET_TEST_PAUSE_AFTER_INTENT_MS": "30000"])
        #expect(pay.status == 0, "\(pay.stderr)")
        #expect(ContinuousClock.now - started < .seconds(20), "no pause of 30 s")
        #expect(try await sandbox.ledgerEntries().count == 1)
        await sandbox.stop()
    }

    @Test("killed between writing the intent and sending: nothing reaches Khalti, the intent is abandoned (debug build)")
    func killedBeforeSending() async throws {
        let runner = try await BinaryRunner.ready()
        // Only a debug build pauses there; the release build's test is the one above.
        guard try await runner.isDebugBuild() else { return }
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(dataDirectory: runner.home.appendingPathComponent("khalti-ledger")))
        let pay = try BinaryProcess(
            runner, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL],
            environment: ["ARROWNET_TEST_PAUSE_AFTER_INTENT_MS": "30000"])
        let path = runner.home.appendingPathComponent("data/journal.sqlite").path
        #expect(try await eventually { FileManager.default.fileExists(atPath: path) }, "output: \(pay.output)")
        let journal = try SQLiteJournal(path: path)
        defer { journal.closeNow() }
        let written = try await eventually { try await journal.history(HistoryFilter()).first?.state == .prepared }
        #expect(written, "the intent is durable before anything is sent; output: \(pay.output)")

        pay.killNow()
        #expect(await pay.waitForExit().killed)
        #expect(try await sandbox.ledgerEntries().isEmpty)

        let reconcile = try await runner.run(["reconcile", "--now", "--base-url", sandbox.baseURL])
        #expect(reconcile.status == 0, "\(reconcile.stderr)")
        #expect(reconcile.stdout.contains("PREPARED -> NOT SENT"))
        let record = try #require(try await journal.history(HistoryFilter()).first)
        #expect(record.state == .abandoned)
        #expect(try await sandbox.ledgerEntries().isEmpty, "no payment")

        // The customer is not left blocked: the next payment goes through.
        let again = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try await sandbox.ledgerEntries().count == 1)
        await sandbox.stop()
    }
}
