import Foundation
import Glibc
import Testing

/// The built console in a real pseudo-terminal (tmux) against the embedded sandbox.
@Suite("Console end to end", .serialized)
struct ConsoleEndToEndTests {
    /// A private home and data folder, and the console started in a tmux terminal.
    func start(width: Int = 80, height: Int = 24, shell: Bool = false) throws -> (TmuxSession, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let data = home.appendingPathComponent("data")
        // The counter's shift is open, as at a counter that is taking payments.
        let shift = try BinaryRunner(home: home).runBlocking(["shift", "open", "--operator", "sita", "--float", "1000"], environment: ["USER": "sita"], stdin: nil)
        #expect(shift.status == 0, "shift open: \(shift.stderr)")
        let environment = "HOME='\(home.path)' XDG_CONFIG_HOME='\(home.path)/config' ARROWNET_DATA_DIR='\(data.path)' TERM=xterm-256color LANG=C.UTF-8 USER=sita"
        let binary = BinaryRunner.binary
        let command = shell ? "env \(environment) PS1='$ ' bash --norc --noprofile -i" : "env \(environment) '\(binary)'"
        return (try TmuxSession(width: width, height: height, command: command, home: home), data)
    }

    @Test("a paid payment: username, plan, confirm, the paid screen and the saved receipt")
    func paid() async throws {
        let (tmux, data) = try start()
        try await tmux.waitFor("Customer username")
        #expect(try tmux.screen().contains("SANDBOX: no real money"))
        try tmux.type("Pradhanang")
        try tmux.send("Enter")
        try await tmux.waitFor("Ashish Pradhanang - Home (Pradhanang)")
        try tmux.type("3")
        try await tmux.waitFor("Confirm payment")
        // The confirmation ignores a y that comes before anyone could read it back.
        try await Task.sleep(for: .milliseconds(1_000))
        try tmux.type("y")
        let screen = try await tmux.waitFor("PAID")
        #expect(screen.contains("Rs. 5,085.00"))
        try await tmux.waitFor("Receipt")
        let receipts = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("receipts").path)
        #expect(receipts.count == 1)
        let receipt = try String(contentsOf: data.appendingPathComponent("receipts").appendingPathComponent(receipts[0]), encoding: .utf8)
        #expect(receipt.contains("Rs. 5,085.00"))
        #expect(receipt.contains("SANDBOX"))
        #expect(receipt.contains("Pradhanang"))
        #expect(receipt.split(separator: "\n").allSatisfy { $0.count <= 42 })
        // Enter: the next customer.
        try tmux.send("Enter")
        try await tmux.waitFor("Customer username")
        try tmux.send("C-q")
        try await waitUntilExited(tmux)
    }

    @Test("a held payment tells the clerk to keep the cash aside")
    func held() async throws {
        let (tmux, _) = try start()
        try await tmux.waitFor("Customer username")
        try tmux.type("queuedok")
        try tmux.send("Enter")
        try await tmux.waitFor("Bikash Tamang")
        try tmux.send("Enter")
        try await tmux.waitFor("Confirm payment")
        try await Task.sleep(for: .milliseconds(1_000))
        try tmux.type("y")
        let screen = try await tmux.waitFor("HELD")
        #expect(screen.contains("Keep the cash aside"))
        #expect(screen.contains("Held 1"))
    }

    @Test("an unknown customer is named, and the username stays to correct")
    func unknown() async throws {
        let (tmux, _) = try start()
        try await tmux.waitFor("Customer username")
        try tmux.type("nosuchuser")
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("No Arrownet customer with username nosuchuser")
        #expect(screen.contains("[nosuchuser"))
    }

    @Test("too small shows a clear screen; nothing typed is lost when it grows again")
    func resize() async throws {
        let (tmux, _) = try start()
        try await tmux.waitFor("Customer username")
        try tmux.type("Prad")
        try await tmux.waitFor("[Prad")
        try tmux.resize(width: 50, height: 12)
        try await tmux.waitFor("Terminal too small")
        try tmux.type("hanang")
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitFor("[Pradhanang")
        try tmux.resize(width: 60, height: 16)
        try await tmux.waitFor("Customer username")
    }

    @Test("Ctrl-C leaves the terminal usable")
    func controlC() async throws {
        let tmux = try await startFromShell()
        try tmux.send("C-c")
        try await expectShellBackWithUsableTerminal(tmux)
    }

    /// SIGINT (the terminal sends none in raw mode, but `kill -INT` does), SIGTERM (a
    /// shutdown) and SIGHUP (the window closed) quit cleanly. SIGSEGV (a crash) is still a
    /// crash, which the shell reports, but the terminal is mended first: the shell would
    /// restore echo by itself, so the console's screen being gone is what tells.
    @Test("a signal leaves the terminal usable", arguments: [
        (SIGINT, nil), (SIGTERM, nil), (SIGHUP, nil), (SIGSEGV, "Segmentation fault"),
    ] as [(Int32, String?)])
    func signalled(signal: Int32, shellReports: String?) async throws {
        let tmux = try await startFromShell()
        let console = try #require(try tmux.childOfShell())
        kill(console, signal)
        if let shellReports { try await tmux.waitFor(shellReports) }
        try await expectShellBackWithUsableTerminal(tmux)
    }

    /// The console started from an interactive shell, "Prad" typed into the username.
    func startFromShell() async throws -> TmuxSession {
        let (tmux, _) = try start(shell: true)
        try await tmux.waitFor("$")
        try tmux.type("'\(BinaryRunner.binary)'")
        try tmux.send("Enter")
        try await tmux.waitFor("Customer username")
        try tmux.type("Prad")
        try await tmux.waitFor("[Prad")
        return tmux
    }

    /// The shell has the terminal again, and it echoes and reads whole lines.
    func expectShellBackWithUsableTerminal(_ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        var waited = 0
        while try tmux.childOfShell() != nil, waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(try tmux.childOfShell() == nil, "the console is still running", sourceLocation: sourceLocation)
        try tmux.type("stty -a | grep -o -- ' icanon\\| echo ' | tr -d ' ' | sort | tr '\\n' ,; echo")
        try tmux.send("Enter")
        let screen = try await tmux.waitFor("echo,icanon,", sourceLocation: sourceLocation)
        #expect(!screen.contains("Customer username"), "the console's screen is still up", sourceLocation: sourceLocation)
    }

    func waitUntilExited(_ tmux: TmuxSession) async throws {
        for _ in 0..<100 {
            if try tmux.hasExited() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the console did not exit")
    }
}
