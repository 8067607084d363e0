import Foundation
import KhaltiSandbox
import Testing

/// Runs the built `arrownet` binary with a clean, private environment: its own data
/// and config folders, and only the variables a test gives it.
struct BinaryRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `ARROWNET_BINARY` (set by scripts/test), else the debug build beside the package.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["ARROWNET_BINARY"], !path.isEmpty { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/arrownet").path
    }

    let home: URL

    init() throws {
        try self.init(home: FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-cli-\(UUID().uuidString)"))
    }

    /// A runner over a home folder the test made (the console's end-to-end tests).
    init(home: URL) throws {
        self.home = home
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    /// A runner whose counter has an open shift, as a counter has before it takes payments.
    static func ready() async throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try await runner.openShift()
        return runner
    }

    /// `arrownet shift open` with a float of Rs. 1,000.
    func openShift() async throws {
        let opened = try await run(["shift", "open", "--operator", "Sita", "--float", "1000"])
        #expect(opened.status == 0, "shift open: \(opened.stdout)\(opened.stderr)")
    }

    /// Runs the binary on a thread of its own: a test's in-process sandbox needs the
    /// concurrency pool that a blocking wait would otherwise hold.
    /// `executable`, when given, runs the binary through another program first (its path
    /// and arguments, ending with the binary's path): `setpriv` to run as another user.
    func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil, executable: [String] = []) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Swift.Result<BinaryRunner.Result, any Error> {
                    try runBlocking(arguments, environment: environment, stdin: stdin, executable: executable)
                })
            }
        }
    }

    /// Whether the binary is a debug build (`arrownet --version`), which alone honours
    /// the crash tests' hooks.
    func isDebugBuild() async throws -> Bool {
        let version = try await run(["--version"])
        #expect(version.status == 0 && version.stdout.hasPrefix("arrownet "), "\(version.stdout)\(version.stderr)")
        return version.stdout.contains("(debug build)")
    }

    /// The private environment every run gets, with the test's own variables on top.
    func environment(_ extra: [String: String]) -> [String: String] {
        var env = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "ARROWNET_DATA_DIR": home.appendingPathComponent("data").path, "PATH": "/usr/bin:/bin", "TZ": "Asia/Kathmandu",
        ]
        env.merge(extra) { _, new in new }
        return env
    }

    func runBlocking(_ arguments: [String], environment: [String: String], stdin: String?, executable: [String] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.first ?? Self.binary)
        process.arguments = Array(executable.dropFirst()) + arguments
        process.environment = self.environment(environment)
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
