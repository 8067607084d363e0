import Foundation
import Glibc
import Testing

/// The console in a real pseudo-terminal: a private tmux server runs the built
/// binary; tests type with send-keys and read the screen with capture-pane, as a
/// person at the counter would.
final class TmuxSession: @unchecked Sendable {
    let socket = "arrownet-e2e-\(UUID().uuidString.prefix(8))"
    let name = "console"
    let home: URL

    /// Starts `command` (a shell command line) in a `width` x `height` terminal.
    init(width: Int = 80, height: Int = 24, command: String, home: URL) throws {
        self.home = home
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), command], capture: false)
        // Keep the pane after the program exits, to read its last words.
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
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

    /// Runs one tmux client, with every inherited descriptor above stderr closed:
    /// the tmux server it may start must not hold another test's pipes open (Foundation's
    /// Process waits for its pipes to close, so an inherited one hangs it).
    @discardableResult
    private func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        // bash closes every inherited descriptor above stderr, then becomes tmux.
        let closer = #"for fd in $(ls /proc/$$/fd); do if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null; exec tmux "$@""#
        let argv = ["/bin/bash", "-c", closer, "tmux", "-L", socket] + arguments
        let environment = ["HOME=\(home.path)", "PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8"]
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
        var pid: pid_t = 0
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup($0) } + [nil]
        defer { (cArguments + cEnvironment).forEach { free($0) } }
        let status = posix_spawn(&pid, "/bin/bash", &actions, nil, cArguments, cEnvironment)
        close(pipe[1])
        guard status == 0 else { throw TmuxError.spawn(status) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count <= 0 { break }
            output.append(contentsOf: chunk[0..<count])
        }
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        return String(decoding: output, as: UTF8.self)
    }
}

enum TmuxError: Error {
    case spawn(Int32)
}
