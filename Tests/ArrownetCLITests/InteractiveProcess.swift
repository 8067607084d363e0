import Foundation

/// The binary started in the background with a pipe to its standard input, for tests
/// that answer its questions at a moment of their choosing (while another process acts).
/// Its output goes to a file, so nothing blocks on a full pipe.
final class InteractiveProcess: @unchecked Sendable {
    // Set once in init; only read after that.
    private let process: Process
    private let input: Pipe
    let outputFile: URL

    init(_ runner: BinaryRunner, _ arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        input = Pipe()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = arguments
        process.environment = runner.environment(environment)
        outputFile = runner.home.appendingPathComponent("interactive-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputFile)
        process.standardOutput = output
        process.standardError = output
        process.standardInput = input
        try process.run()
        try output.close()
    }

    var output: String {
        (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Waits until the output holds `text` (a question asked); false after `seconds`.
    func waitFor(_ text: String, within seconds: Double = 30) async throws -> Bool {
        try await eventually(within: seconds) { self.output.contains(text) }
    }

    /// Types a line, as the clerk answering the question.
    func answer(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Waits for the exit on a thread of its own, as `BinaryRunner.run` does.
    func waitForExit() async -> Int32 {
        try? input.fileHandleForWriting.close()
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.process.waitUntilExit()
                continuation.resume(returning: self.process.terminationStatus)
            }
        }
    }
}
