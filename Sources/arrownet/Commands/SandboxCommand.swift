import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiSandbox

/// `arrownet sandbox`: the Khalti-compatible sandbox on its own, for training and for
/// pointing other consoles at (`--base-url http://127.0.0.1:PORT`).
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run the Khalti sandbox server (no real money) until interrupted."
    )

    @Option(name: .long, help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8_089

    @Option(name: .long, help: "Folder for the sandbox ledger (default: in memory, forgotten on exit).")
    var data: String?

    @Option(name: .long, help: ArgumentHelp(
        "A fault rule as JSON, repeatable.",
        discussion: #"Example: {"call": "commit", "effect": "drop_connection", "times": 1}"#
    ))
    var fault: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535.") }
    }

    func run() async throws {
        LogSetup.bootstrap()
        var faults: [FaultRule] = []
        for text in fault {
            do {
                faults.append(try JSONDecoder().decode(FaultRule.self, from: Data(text.utf8)))
            } catch {
                throw fail("--fault \(text): not a fault rule (\(error)).", code: ExitCodes.usage)
            }
        }
        let directory = try data.map { try DataDirectory.ensure(URL(fileURLWithPath: $0, isDirectory: true)) }
        let sandbox: RunningSandbox
        do {
            sandbox = try await RunningSandbox.start(SandboxConfiguration(port: port, dataDirectory: directory, faults: faults))
        } catch {
            throw fail("Could not start the sandbox: \(error)", code: ExitCodes.unavailable)
        }
        Terminal.standardOutput.write("""
            \(KhaltiEnvironment.sandbox.banner)
            Sandbox listening on \(sandbox.baseURL) (token \(SandboxToken.value))
            Ledger: \(directory.map { $0.path + "/" } ?? "in memory")
            Use it from another shell: arrownet lookup Pradhanang --base-url \(sandbox.baseURL)
            Stop with Ctrl-C.

            """)
        await SignalWaiter.waitForTermination()
        await sandbox.stop()
        Terminal.standardOutput.write("Sandbox stopped.\n")
    }
}

/// Suspends until SIGINT or SIGTERM, which then no longer kill the process outright.
enum SignalWaiter {
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let once = ResumeOnce(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
                source.setEventHandler { once.resume() }
                source.resume()
                once.keep(source)
            }
        }
    }

    private final class ResumeOnce: @unchecked Sendable {
        // Guarded by `lock`: signal handlers run on a global queue.
        private let lock = NSLock()
        private var continuation: CheckedContinuation<Void, Never>?
        private var sources: [any DispatchSourceSignal] = []

        init(_ continuation: CheckedContinuation<Void, Never>) {
            self.continuation = continuation
        }

        func keep(_ source: any DispatchSourceSignal) {
            lock.withLock { sources.append(source) }
        }

        func resume() {
            let pending = lock.withLock { () -> CheckedContinuation<Void, Never>? in
                defer { continuation = nil }
                return continuation
            }
            pending?.resume()
        }
    }
}
