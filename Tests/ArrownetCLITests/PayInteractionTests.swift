import Foundation
import KhaltiSandbox
import PaymentJournal
import SQLiteJournal
import Testing

@Suite("pay for scripts: JSON for every failure, Ctrl-C waits while Khalti is slow", .serialized)
struct PayInteractionTests {
    /// A way for `pay --json` to fail, and the exit code it must report.
    struct Failure: Sendable, CustomStringConvertible {
        let name: String
        let arguments: [String]
        var environment: [String: String] = [:]
        /// Runs after the counter's shift is opened (every case but the one without a shift).
        var setUp: @Sendable (BinaryRunner) async throws -> Void = { _ in }
        var opensShift = true
        let code: Int32
        var description: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "bad username", arguments: ["ram shrestha", "--months", "1", "--yes"], code: 64),
        Failure(name: "months the parser refuses", arguments: ["Pradhanang", "--months", "2", "--yes"], code: 64),
        Failure(name: "an unknown option", arguments: ["Pradhanang", "--months", "1", "--yes", "--quickly"], code: 64),
        Failure(name: "unknown customer", arguments: ["nosuchcustomer", "--months", "1", "--yes"], code: 3),
        Failure(name: "a refused token", arguments: ["Pradhanang", "--months", "1", "--yes", "--base-url", "LOCAL"],
                environment: ["KHALTI_TOKEN": "TEST:nope"], code: 4),
        Failure(name: "no advance payment", arguments: ["noadvance", "--months", "1", "--yes"], code: 8),
        Failure(name: "paid today, no --again", arguments: ["Pradhanang", "--months", "1", "--yes"],
                setUp: { runner in _ = try await runner.pay("Pradhanang") }, code: 10),
        Failure(name: "a bad config file", arguments: ["Pradhanang", "--months", "1", "--yes"],
                setUp: { runner in try runner.writeConfig("counter = A\ncounter = B\n") }, code: 64),
        Failure(name: "a data folder that is a file", arguments: ["Pradhanang", "--months", "1", "--yes"],
                environment: ["ARROWNET_DATA_DIR": "/etc/hostname"], code: 11),
        Failure(name: "a file that is not a journal", arguments: ["Pradhanang", "--months", "1", "--yes"],
                setUp: { runner in
                    for suffix in ["", "-wal", "-shm"] {
                        try? FileManager.default.removeItem(at: runner.dataFolder.appendingPathComponent("journal.sqlite" + suffix))
                    }
                    try Data("not a journal".utf8).write(to: runner.dataFolder.appendingPathComponent("journal.sqlite"))
                }, code: 11),
        Failure(name: "no open shift", arguments: ["Pradhanang", "--months", "1", "--yes"], opensShift: false, code: 12),
    ]

    @Test("pay --json prints one JSON error object on standard output for every failure, with its exit code", arguments: failures)
    func jsonFailures(failure: Failure) async throws {
        let runner = try BinaryRunner()
        if failure.opensShift { try await runner.openShift() }
        try await failure.setUp(runner)
        var arguments = failure.arguments
        var sandbox: RunningSandbox?
        if let index = arguments.firstIndex(of: "LOCAL") {
            let started = try await RunningSandbox.start()
            arguments[index] = started.baseURL
            sandbox = started
        }
        let result = try await runner.run(["pay"] + arguments + ["--json"], environment: failure.environment)
        await sandbox?.stop()
        #expect(result.status == failure.code, "\(failure.name): \(result.stderr)")
        let object = try jsonObject(result.stdout)
        #expect(object["exit_code"] as? Int == Int(failure.code), "\(failure.name): \(object)")
        #expect((object["error"] as? String)?.isEmpty == false)
        #expect(object["reason"] as? String == object["error"] as? String)
        #expect(object["payment"] is NSNull)
        #expect(object["outcome"] as? String != "paid")
        #expect(!result.stderr.isEmpty, "the sentence is on standard error too")
    }

    /// SIGINT (Ctrl-C) and SIGQUIT (Ctrl-backslash, which would dump core) between intent and
    /// answer: each sent twice, neither may lose the answer.
    @Test("Ctrl-C or SIGQUIT while Khalti is slow says the payment is on its way, waits, records it and exits with its outcome",
          arguments: [SIGINT, SIGQUIT])
    func interruptWaits(signal: Int32) async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .latency(milliseconds: 3_000))]))
        let runner = try await BinaryRunner.ready()
        let pay = try BinaryProcess(runner, ["pay", "Pradhanang", "--months", "1", "--yes", "--base-url", sandbox.baseURL])
        let path = runner.dataFolder.appendingPathComponent("journal.sqlite").path
        #expect(try await eventually { FileManager.default.fileExists(atPath: path) }, "\(pay.output)")
        let journal = try SQLiteJournal(path: path)
        defer { journal.closeNow() }
        #expect(try await eventually { try await journal.history(HistoryFilter()).first?.state == .sending }, "\(pay.output)")
        kill(pay.pid, signal)
        try await Task.sleep(for: .milliseconds(200))
        kill(pay.pid, signal)
        let exit = await pay.waitForExit()
        #expect(!exit.killed, "the signal did not stop it: \(pay.output)")
        #expect(exit.status == 0, "\(pay.output)")
        #expect(pay.output.contains("The payment is on its way to Khalti and will be recorded"), "\(pay.output)")
        #expect(pay.output.contains("PAID: Khalti says the payment succeeded."))
        #expect(!pay.output.contains("Waiting for Khalti"), "no spinner without a terminal")
        let record = try #require(try await journal.history(HistoryFilter()).first)
        #expect(record.state == .paid && record.transactionID != nil)
        #expect(try await sandbox.ledgerEntries().count == 1)

        await sandbox.stop()
    }
}

/// In the console's suite: terminals are run one suite at a time, and that suite checks
/// that none is left behind (`.leavesNoTerminals`).
extension ConsoleEndToEndTests {
    @Test("at a terminal, pay shows a spinner with the seconds waited on standard error while Khalti is slow")
    func spinner() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, times: 1, effect: .latency(milliseconds: 4_000))]))
        let runner = try await BinaryRunner.ready()
        let environment = runner.environment([:]).map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try await TmuxSession.with(
            command: "env \(environment) '\(BinaryRunner.binary)' pay Pradhanang --months 1 --yes --base-url \(sandbox.baseURL)",
            home: runner.home
        ) { tmux in
            let waiting = try await tmux.waitFor("Waiting for Khalti: ")
            #expect(waiting.contains("s (the payment is on its way)"), "\(waiting)")
            let later = try await tmux.waitFor("Waiting for Khalti: 3 s")
            #expect(later.contains("Waiting for Khalti: 3 s"))
            let done = try await tmux.waitFor("PAID: Khalti says the payment succeeded.")
            #expect(!done.contains("Waiting for Khalti"), "the line is cleared once the answer came: \(done)")
        }
        await sandbox.stop()
    }
}
