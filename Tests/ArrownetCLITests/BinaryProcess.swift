import Foundation

/// The binary started in the background, for tests that kill it mid-payment.
/// Its output goes to files, so nothing blocks on a full pipe while the test waits.
final class BinaryProcess: @unchecked Sendable {
    // Set once in init; `Process` is only read after that.
    private let process: Process
    let outputFile: URL

    init(_ runner: BinaryRunner, _ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = arguments
        process.environment = runner.environment(environment)
        outputFile = runner.home.appendingPathComponent("background-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try output.close()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no handler runs, nothing is flushed or closed, as in a power cut of the process.
    func killNow() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// Waits on a thread of its own, as `BinaryRunner.run` does.
    func waitForExit() async -> (status: Int32, killed: Bool) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.process.waitUntilExit()
                continuation.resume(returning: (self.process.terminationStatus, self.process.terminationReason == .uncaughtSignal))
            }
        }
    }

    var output: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass.
func eventually(within seconds: Double = 30, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}
