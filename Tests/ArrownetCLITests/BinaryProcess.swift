import Foundation

/// The binary started in the background, for tests that kill it mid-payment, or
/// (`answering: true`) answer its questions at a moment of their choosing while another
/// process acts. Its output goes to a file, so nothing blocks on a full pipe while the
/// test waits.
final class BinaryProcess: @unchecked Sendable {
    // Set once in init; `Process` is only read after that.
    private let process: Process
    /// Standard input the test writes to; nil reads from /dev/null.
    private let input: Pipe?
    let outputFile: URL

    init(_ runner: BinaryRunner, _ arguments: [String], environment: [String: String] = [:], answering: Bool = false) throws {
        process = Process()
        input = answering ? Pipe() : nil
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = arguments
        process.environment = runner.environment(environment)
        outputFile = runner.home.appendingPathComponent("background-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        try output.close()
    }

    /// Waits until the output holds `text` (a question asked); false after `seconds`.
    func waitFor(_ text: String, within seconds: Double = 30) async throws -> Bool {
        try await eventually(within: seconds) { self.output.contains(text) }
    }

    /// Types a line, as the clerk answering the question (`answering: true` only).
    func answer(_ line: String) {
        input?.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// SIGKILL: no handler runs, nothing is flushed or closed, as in a power cut of the process.
    func killNow() {
        kill(process.processIdentifier, SIGKILL)
    }

    /// Waits on a thread of its own, as `BinaryRunner.run` does.
    func waitForExit() async -> (status: Int32, killed: Bool) {
        // No more answers: a question asked now reads end of input.
        try? input?.fileHandleForWriting.close()
        return await withCheckedContinuation { continuation in
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
