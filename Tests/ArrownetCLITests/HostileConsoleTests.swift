import Foundation
import Testing

/// The console in a real pseudo-terminal against a Khalti stand-in whose answers are
/// hostile: a name full of terminal controls, and `days_remaining` 10^15. Read from the
/// screen as a person would: the screen is whole, a sentence says what is wrong, nothing
/// crashes, and after Ctrl-Q the shell has its terminal back. In the end-to-end suite, so
/// they run one at a time and no terminal outlives them.
extension ConsoleEndToEndTests {
    /// The console started from a shell, pointed at the stand-in, `username` looked up.
    func withHostileConsole(
        _ username: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: (TmuxSession) async throws -> Void
    ) async throws {
        try await HostileKhalti.with { baseURL in
            try await withConsole(shell: true, baseURL: baseURL, sourceLocation: sourceLocation) { tmux, _ in
                try await tmux.waitFor("$", sourceLocation: sourceLocation)
                try tmux.type("'\(BinaryRunner.binary)'")
                try tmux.send("Enter")
                try await tmux.waitFor("Customer username", sourceLocation: sourceLocation)
                try tmux.type(username)
                try tmux.send("Enter")
                try await body(tmux)
            }
        }
    }

    /// Quits with Ctrl-Q (from the username screen, after `Esc` from any other) and
    /// checks the shell is back with a usable terminal.
    func quitToShell(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try tmux.send("Escape")
        try await tmux.waitFor("Customer username", sourceLocation: sourceLocation)
        try tmux.send("C-q")
        try await expectShellBackWithUsableTerminal(tmux, sourceLocation: sourceLocation)
    }

    @Test("a name holding \\r, ESC [2K, an OSC title, BEL, NUL, ESC p and U+202E: the screen stays whole, the terminal is restored")
    func hostileName() async throws {
        try await withHostileConsole("hostile") { tmux in
            let screen = try await tmux.waitFor("(hostile)")
            // Nothing erased or moved: the header, the name's printable part, the plan and its amount are where they belong.
            #expect(screen.contains("Ram"), "\(screen)")
            #expect(screen.contains("Thapa"), "\(screen)")
            #expect(screen.contains("Rs. 1,695.00"), "\(screen)")
            #expect(screen.contains("SANDBOX: no real money"), "the header is still there: \(screen)")
            let nameLines = screen.split(separator: "\n").filter { $0.contains("(hostile)") }
            #expect(nameLines.count == 1, "the name is one line: \(screen)")
            #expect(nameLines.allSatisfy { !$0.contains("Rs.") }, "the name shares no line with an amount: \(screen)")
            // The read-back on the confirmation: the amount on its own line, whole.
            try tmux.type("1")
            let confirmation = try await tmux.waitFor("Confirm payment")
            #expect(confirmation.contains("Rs. 1,695.00"), "\(confirmation)")
            #expect(confirmation.contains("Ram"), "\(confirmation)")
            try tmux.send("Escape")
            try await tmux.waitFor("(hostile)")
            try await quitToShell(tmux)
        }
    }

    @Test("days_remaining 10^15: a sentence naming the field, no crash, the terminal restored")
    func hugeDaysRemaining() async throws {
        try await withHostileConsole("bigdays") { tmux in
            let screen = try await tmux.waitFor("days_remaining")
            #expect(!(try tmux.hasExited()), "the console is still running: \(screen)")
            #expect(try tmux.childOfShell() != nil, "the console is still running: \(screen)")
            // The clerk can go on: the username stays to correct or replace.
            #expect(screen.contains("[bigdays"), "\(screen)")
            try tmux.send("C-q")
            try await expectShellBackWithUsableTerminal(tmux)
        }
    }
}
