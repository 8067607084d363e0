import Foundation

/// A program (the counter's print command through `/bin/sh -c`, or the text shaper
/// directly) run in a process group of its own, with bytes on its standard input and
/// its output in a file, waited for with a deadline.
///
/// Not Foundation's `Process`: on Linux it notices an exit only when every process
/// holding its internal pipe has gone, so `sh -c "lp ..."` stuck in a child outlives
/// any timeout; and it cannot put the command in its own group, so a timeout could
/// stop the shell but not what the shell started. Here the whole group is signalled.
struct ChildProcess {
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Still running at the deadline: the group was stopped (TERM, then KILL).
        case timedOut
    }

    /// After a timeout, TERM, then this long before KILL.
    static let killGrace: Duration = .seconds(1)
    static let pollInterval: Duration = .milliseconds(10)

    /// The program's path and its arguments, the first being its name.
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    /// Runs `command` through `/bin/sh -c`, so quoting works as in a terminal.
    init(command: String, environment: [String: String]) {
        self.init(executable: "/bin/sh", arguments: ["/bin/sh", "-c", command], environment: environment)
    }

    /// Runs the program itself, no shell: no argument is ever parsed.
    init(executable: String, arguments: [String], environment: [String: String]) {
        self.executable = executable
        self.arguments = arguments
        // Cut here too, so no caller can hand a child the token or a database password.
        self.environment = ChildEnvironment.allowed(environment)
    }

    /// More input than a pipe holds would block the write below (nobody reads yet).
    static let inputLimit = 32 * 1024

    /// Runs the command; `output` receives what it writes on standard output and error.
    func run(input: Data, output: Int32, timeout: Duration) async throws(ChildProcessError) -> Ending {
        guard input.count <= Self.inputLimit else { throw .system("write", EFBIG) }
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw .system("pipe", errno) }
        // Only the command gets these, as its standard input (pipe2 is not imported).
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        defer { close(pipeEnds[0]) }
        // Written before the command starts: a receipt is far below a pipe's 64 KiB, and
        // this process still holds the reading end, so the write cannot block or raise
        // SIGPIPE even if the command never reads.
        var written = -1
        repeat {
            written = input.withUnsafeBytes { Foundation.write(pipeEnds[1], $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        let writeError = errno
        close(pipeEnds[1])
        guard written == input.count else { throw .system("write", writeError) }

        let pid = try spawn(stdin: pipeEnds[0], output: output)
        return await wait(for: pid, timeout: timeout)
    }

    private func spawn(stdin: Int32, output: Int32) throws(ChildProcessError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own group (so a timeout stops everything it started), no blocked signals,
        // and SIGPIPE back to its default in case this process ignores it.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let copy = { (text: String) -> UnsafeMutablePointer<CChar>? in strdup(text) }
        let argv = arguments.map(copy) + [nil]
        let variables = environment.map { copy("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, variables)
        guard result == 0 else { throw .system("posix_spawn", result) }
        return pid
    }

    private func wait(for pid: pid_t, timeout: Duration) async -> Ending {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let ending = Self.reap(pid) { return ending }
            await Self.pause()
        }
        kill(-pid, SIGTERM)
        let graceEnd = clock.now + Self.killGrace
        while clock.now < graceEnd {
            if Self.reap(pid) != nil { return .timedOut }
            await Self.pause()
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return .timedOut
    }

    /// The ending once the process has exited (and is reaped), else nil.
    private static func reap(_ pid: pid_t) -> Ending? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        // -1: not our child any more (reaped elsewhere); say it exited with an unknown status.
        if result < 0 { return errno == EINTR ? nil : .exited(-1) }
        guard result == pid else { return nil }
        // The wait status macros are not imported into Swift: low 7 bits are the signal.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// A short wait between polls; a cancelled task polls on without sleeping for
    /// long, since the command must still be reaped.
    private static func pause() async {
        do {
            try await Task.sleep(for: pollInterval)
        } catch {
            usleep(10_000)
        }
    }
}

extension ChildProcess.Ending {
    /// How it ended, after the program's name: "failed with exit status 3".
    var sentence: String {
        switch self {
        case .exited(let status): "failed with exit status \(status)"
        case .signalled(let signal): "was stopped by signal \(signal)"
        case .timedOut: "did not finish in time and was stopped"
        }
    }
}

struct ChildProcessError: Error {
    let call: String
    let code: Int32

    static func system(_ call: String, _ code: Int32) -> ChildProcessError { ChildProcessError(call: call, code: code) }

    var description: String { "\(call): \(String(cString: strerror(code)))" }
}
