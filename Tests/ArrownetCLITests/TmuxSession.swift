import Foundation
import Glibc
import Testing

/// The console in a real pseudo-terminal: a private tmux server runs the built
/// binary; tests type with send-keys and read the screen with capture-pane, as a
/// person at the counter would.
///
/// A session exists only inside `TmuxSession.with { }`, which stops its tmux server and
/// every process it started before returning, whether the test passed, failed or threw.
/// (A `deinit` is not that: a session kept alive by a task, or a test that never lets go
/// of it, left tmux servers and consoles running.) The suite's `.leavesNoTerminals` trait
/// then fails the run if anything this process started is still alive.
final class TmuxSession: @unchecked Sendable {
    /// Marks everything this test process starts: tmux sockets are named with it, and every
    /// command in a pane gets it in its environment (`markerVariable`).
    static let runID = "arrownet-e2e-\(getpid())-\(UUID().uuidString.prefix(6))"
    static let markerVariable = "ARROWNET_E2E_RUN"
    /// This run's own tmux socket folder, so the check sees exactly its servers.
    static let socketFolder = FileManager.default.temporaryDirectory.appendingPathComponent(runID)
    private static let counter = Counter()

    let socket: String
    let name = "console"
    let home: URL

    /// Starts `command` (a shell command line, run with this run's marker in its
    /// environment) in a `width` x `height` terminal, runs `body`, then stops the tmux
    /// server and waits for every process of the session to end (killing what will not).
    static func with<Result>(
        width: Int = 80, height: Int = 24, command: String, home: URL,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: (TmuxSession) async throws -> Result
    ) async throws -> Result {
        let session = TmuxSession(home: home)
        let result: Result
        do {
            try session.start(width: width, height: height, command: command)
            result = try await body(session)
        } catch {
            await session.stop(sourceLocation: sourceLocation)
            throw error
        }
        await session.stop(sourceLocation: sourceLocation)
        return result
    }

    private init(home: URL) {
        self.home = home
        socket = "\(Self.runID)-\(Self.counter.next())"
    }

    private func start(width: Int, height: Int, command: String) throws {
        try FileManager.default.createDirectory(at: Self.socketFolder, withIntermediateDirectories: true)
        let marked = "env \(Self.markerVariable)='\(socket)' \(command)"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), marked], capture: false)
        // Keep the pane after the program exits, to read its last words.
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Ends the session: the tmux server goes (its panes get SIGHUP, as when a window
    /// closes), then every process marked with this session gets up to `grace` to end,
    /// and is killed after that. A console that outlives the hang-up is a failure.
    private func stop(grace: Duration = .seconds(10), sourceLocation: SourceLocation) async {
        _ = try? tmux(["kill-server"])
        let deadline = ContinuousClock.now + grace
        while !Self.processes(ofSession: socket).isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        let survivors = Self.processes(ofSession: socket)
        if !survivors.isEmpty {
            Issue.record("still running \(grace) after its terminal closed, killed: \(survivors.map(\.description))", sourceLocation: sourceLocation)
            for process in survivors { kill(process.pid, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: home)
    }

    /// Keys in tmux's names: "Enter", "Escape", "C-c", "F5", or literal text.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", name] + keys)
    }

    /// Literal text, never read as key names.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen shows `text`; the screen as it was, or a recorded issue.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("\"\(text)\" never appeared; the screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The process the pane's shell is running in the foreground (its only child), or nil.
    func childOfShell() throws -> pid_t? {
        let shell = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// Whether the program in the pane has exited.
    func hasExited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    // MARK: What is left running

    struct RunningProcess: CustomStringConvertible {
        let pid: pid_t
        let command: String
        var description: String { "\(pid) \(command)" }
    }

    /// Processes of one session: its marker in their environment (what ran in its pane)
    /// or its socket on their command line (its tmux server and clients).
    static func processes(ofSession socket: String) -> [RunningProcess] {
        processes { $0 == socket }
    }

    /// Processes of any session of this run.
    static func processesOfThisRun() -> [RunningProcess] {
        processes { $0.hasPrefix(runID + "-") }
    }

    private static func processes(marked isMarker: (String) -> Bool) -> [RunningProcess] {
        let ownPID = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> RunningProcess? in
            guard let pid = pid_t(entry), pid != ownPID else { return nil }
            let arguments = read("/proc/\(entry)/cmdline").split(separator: "\0").map(String.init)
            let variables = read("/proc/\(entry)/environ").split(separator: "\0")
            let prefix = "\(markerVariable)="
            let marked = arguments.contains(where: isMarker)
                || variables.contains { $0.hasPrefix(prefix) && isMarker(String($0.dropFirst(prefix.count))) }
            guard marked else { return nil }
            // A zombie has finished; only its parent's wait is missing.
            if read("/proc/\(entry)/stat").split(separator: ")").last?.split(separator: " ").first == "Z" { return nil }
            return RunningProcess(pid: pid, command: arguments.joined(separator: " "))
        }
    }

    /// This run's tmux sockets that a server still answers on.
    static func liveSockets() -> [String] {
        let folder = socketFolder.appendingPathComponent("tmux-\(getuid())")
        let sockets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return sockets.filter { socket in
            let probe = TmuxSession(home: FileManager.default.temporaryDirectory)
            return (try? probe.tmux(["-L", socket, "has-session"], socketFlag: false, capture: false)) != nil
                && probe.lastStatus == 0
        }
    }

    private static func read(_ path: String) -> String {
        (try? String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)) ?? ""
    }

    private var lastStatus: Int32 = -1

    /// Runs one tmux client, with every inherited descriptor above stderr closed:
    /// the tmux server it may start must not hold another test's pipes open (Foundation's
    /// Process waits for its pipes to close, so an inherited one hangs it).
    @discardableResult
    private func tmux(_ arguments: [String], socketFlag: Bool = true, capture: Bool = true) throws -> String {
        // bash closes every inherited descriptor above stderr, then becomes tmux.
        let closer = #"for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null; exec tmux "$@""#
        let argv = ["/bin/bash", "-c", closer, "tmux"] + (socketFlag ? ["-L", socket] : []) + arguments
        let environment = [
            "HOME=\(home.path)", "PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8",
            "TMUX_TMPDIR=\(Self.socketFolder.path)",
        ]
        var pipe: [Int32] = [-1, -1]
        guard Glibc.pipe(&pipe) == 0 else { throw TmuxError.spawn(errno) }
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        defer { close(pipe[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // A terminal hands its shell a clean signal state. This thread is the test runner's,
        // which blocks most signals; inherited, that mask kept tmux from exiting on
        // kill-server and the console from seeing its terminal hang up.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/bash", &actions, &attributes, cArguments, cEnvironment)
        close(pipe[1])
        guard status == 0 else { throw TmuxError.spawn(status) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(pipe[0], &chunk, chunk.count)
            if count <= 0 { break }
            output.append(contentsOf: chunk[0..<count])
        }
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        lastStatus = exitStatus
        return String(decoding: output, as: UTF8.self)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }
}

enum TmuxError: Error {
    case spawn(Int32)
}

/// Fails the suite when a terminal it started is still there after its last test:
/// a tmux server answering on one of this run's sockets, or any process marked with
/// this run (a console, a shell, a tmux client). What is found is killed too, so one
/// failing run does not leave the machine busy for the next.
struct LeavesNoTerminals: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: () async throws -> Void) async throws {
        try await function()
        let sockets = TmuxSession.liveSockets()
        let processes = TmuxSession.processesOfThisRun()
        for process in processes { kill(process.pid, SIGKILL) }
        if !sockets.isEmpty || !processes.isEmpty {
            Issue.record("terminals left behind: tmux servers on \(sockets), processes \(processes.map(\.description))")
        }
        try? FileManager.default.removeItem(at: TmuxSession.socketFolder)
    }
}

extension Trait where Self == LeavesNoTerminals {
    /// See `LeavesNoTerminals`.
    static var leavesNoTerminals: Self { LeavesNoTerminals() }
}
