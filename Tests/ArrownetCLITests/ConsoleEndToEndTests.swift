import Foundation
import Glibc
import KhaltiSandbox
import Testing

/// The built console in a real pseudo-terminal (tmux) against the embedded sandbox.
/// Every terminal is stopped in its test's own scope, and the suite fails if any
/// survives it (`.leavesNoTerminals`).
@Suite("Console end to end", .serialized, .leavesNoTerminals)
struct ConsoleEndToEndTests {
    /// A private home and data folder, the console started in a tmux terminal (from an
    /// interactive shell when `shell`), `body` run against it, and everything stopped.
    /// `openShift`: the counter's shift is opened with the command first, as at a counter
    /// already taking payments; without it the console opens on its shift-open screen.
    func withConsole(
        width: Int = 80, height: Int = 24, shell: Bool = false, baseURL: String? = nil, openShift: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation, _ body: (TmuxSession, URL) async throws -> Void
    ) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let data = home.appendingPathComponent("data")
        if openShift {
            let shift = try BinaryRunner(home: home).runBlocking(
                ["shift", "open", "--operator", "sita", "--float", "1000"], environment: ["USER": "sita"], stdin: nil)
            #expect(shift.status == 0, "shift open: \(shift.stderr)")
        }
        var environment = "HOME='\(home.path)' XDG_CONFIG_HOME='\(home.path)/config' ARROWNET_DATA_DIR='\(data.path)' TERM=xterm-256color LANG=C.UTF-8 USER=sita"
        if let baseURL { environment += " KHALTI_BASE_URL='\(baseURL)'" }
        let binary = BinaryRunner.binary
        let command = shell ? "env \(environment) PS1='$ ' bash --norc --noprofile -i" : "env \(environment) '\(binary)'"
        try await TmuxSession.with(width: width, height: height, command: command, home: home, sourceLocation: sourceLocation) { tmux in
            try await body(tmux, data)
        }
    }

    @Test("a paid payment: username, plan, confirm, the paid screen and the saved receipt")
    func paid() async throws {
        try await withConsole { tmux, data in
            try await tmux.waitFor("Customer username")
            #expect(try tmux.screen().contains("SANDBOX: no real money"))
            try await tmux.confirmPayment("Pradhanang", name: "Ashish Pradhanang - Home (Pradhanang)", planKey: "3")
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
            // The path is on the screen once, whole (the screen wraps it; joined again here).
            let shown = try tmux.screen().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
            #expect(shown.components(separatedBy: receipts[0]).count == 2, "the receipt's file name, once, whole")
            // Enter: the next customer.
            try tmux.send("Enter")
            try await tmux.waitFor("Customer username")
            try tmux.send("C-q")
            try await waitUntilExited(tmux)
        }
    }

    @Test("a held payment tells the clerk to keep the cash aside")
    func held() async throws {
        try await withConsole { tmux, _ in
            try await tmux.waitFor("Customer username")
            try await tmux.confirmPayment("queuedok", name: "Bikash Tamang", planKey: nil)
            let screen = try await tmux.waitFor("HELD")
            #expect(screen.contains("Keep the cash aside"))
            #expect(screen.contains("Held 1"))
            // The whole of what to tell the customer fits (its last words are on screen).
            #expect(screen.contains("did not go through."))
        }
    }

    @Test("an unknown customer is named, and the username stays to correct")
    func unknown() async throws {
        try await withConsole { tmux, _ in
            try await tmux.waitFor("Customer username")
            try tmux.type("nosuchuser")
            try tmux.send("Enter")
            let screen = try await tmux.waitFor("No Arrownet customer with username nosuchuser")
            #expect(screen.contains("[nosuchuser"))
        }
    }

    @Test("back from an account, the next username replaces the last one instead of joining it")
    func nextUsernameReplaces() async throws {
        try await withConsole { tmux, _ in
            try await tmux.waitFor("Customer username")
            try tmux.type("Pradhanang")
            try tmux.send("Enter")
            try await tmux.waitFor("Ashish Pradhanang - Home (Pradhanang)")
            try tmux.send("Escape")
            try await tmux.waitFor("[Pradhanang")
            try tmux.type("duecustomer")
            try tmux.send("Enter")
            let screen = try await tmux.waitFor("Sita Sharma - Home (duecustomer)")
            #expect(!screen.contains("Pradhanangduecustomer"))
        }
    }

    @Test("too small shows a clear screen; nothing typed is lost when it grows again")
    func resize() async throws {
        try await withConsole { tmux, _ in
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
    }

    @Test("Ctrl-C while a payment is out: the screen says so, and the console quits once the answer is recorded")
    func controlCWhileSending() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(
            faults: [FaultRule(call: .commit, effect: .latency(milliseconds: 4_000))]))
        do {
            try await withConsole(baseURL: sandbox.baseURL) { tmux, data in
                try await tmux.waitFor("Customer username")
                try await tmux.confirmPayment("Pradhanang", name: "Ashish Pradhanang - Home (Pradhanang)", planKey: "1")
                try await tmux.waitFor("Sending")
                try tmux.send("C-c")
                try await tmux.waitFor("will quit once Khalti's answer is recorded")
                #expect(try !tmux.hasExited())
                try await waitUntilExited(tmux, seconds: 20)
                // Quit only after the answer was written: the journal has it paid.
                let history = try await BinaryRunner().run(
                    ["history", "--json"], environment: ["ARROWNET_DATA_DIR": data.path, "KHALTI_BASE_URL": sandbox.baseURL])
                let records = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
                #expect(records.map { $0["state"] as? String } == ["paid"])
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("no shift open: the console opens on its shift-open screen, and the shift opened there takes payments")
    func opensShiftOnScreen() async throws {
        try await withConsole(openShift: false) { tmux, data in
            let screen = try await tmux.waitFor("Open the shift")
            #expect(screen.contains("no shift open"))
            #expect(screen.contains("[sita"), "the operator is prefilled")
            try tmux.type("2,500")
            try tmux.send("Enter")
            try await tmux.waitFor("Shift 1 opened by sita with Rs. 2,500.00 in the drawer.")
            #expect(try tmux.screen().contains("Customer username"))
            let report = try await BinaryRunner(home: data.deletingLastPathComponent()).run(["shift", "report", "--json"])
            #expect(report.status == 0, "\(report.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
            let shift = try #require(object["shift"] as? [String: Any])
            #expect(shift["operator"] as? String == "sita" && shift["opening_float"] as? String == "2500.00")
            #expect(shift["closed_at"] is NSNull)
            // And it takes a payment.
            try await tmux.confirmPayment("Pradhanang", name: "Ashish Pradhanang - Home (Pradhanang)", planKey: "1")
            try await tmux.waitFor("PAID")
        }
    }

    @Test("closing the shift: F3, c, the count, the difference, y; the Z report saved and the shift-open screen back")
    func closesShift() async throws {
        try await withConsole { tmux, data in
            try await tmux.waitFor("Customer username")
            #expect(try tmux.screen().contains("F3 shift report"))
            try tmux.send("F3")
            try await tmux.waitFor("X REPORT")
            try tmux.type("c")
            try await tmux.waitFor("Counted cash")
            try tmux.type("990")
            try tmux.send("Enter")
            try await tmux.waitFor("SHORT Rs. 10.00")
            try tmux.type("y")
            let screen = try await tmux.waitFor("Z report saved as")
            #expect(screen.contains("Open the shift") && screen.contains("no shift open"))
            #expect(screen.contains("counted Rs. 990.00"))
            let receipts = data.appendingPathComponent("receipts")
            let files = try FileManager.default.contentsOfDirectory(atPath: receipts.path)
            let z = try #require(files.first { $0.hasSuffix("_shift1_Z.txt") }, "\(files)")
            let text = try String(contentsOf: receipts.appendingPathComponent(z), encoding: .utf8)
            #expect(text.contains("Z REPORT") && text.contains("SANDBOX") && text.contains("SHORT"))
            let list = try await BinaryRunner(home: data.deletingLastPathComponent()).run(["shift", "list", "--json"])
            let shifts = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
            #expect(shifts.count == 1 && shifts.first?["counted_cash"] as? String == "990.00", "\(list.stdout)")
            #expect(shifts.first?["closed_at"] is String)
        }
    }

    /// Khalti refused the payment (maintenance) and the lookup that should settle it at once
    /// failed: the payment is held, due for a lookup now. The console looks it up by itself.
    @Test("a held payment settled by the console's background lookup: the clerk reads it on the next screen")
    func backgroundSettlement() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [
            FaultRule(call: .commit, username: "queuedok", times: 1, effect: .refusal(code: "1019", status: 400)),
            FaultRule(call: .status, times: 1, effect: .httpError(status: 500)),
        ]))
        do {
            try await withConsole(baseURL: sandbox.baseURL) { tmux, _ in
                try await tmux.waitFor("Customer username")
                try await tmux.confirmPayment("queuedok", name: "Bikash Tamang", planKey: "1")
                let held = try await tmux.waitFor("HELD")
                #expect(held.contains("Held 1"))
                try tmux.send("Enter")
                // Nobody presses a key: the console looks it up once due (its poll is 15 s).
                let screen = try await tmux.waitFor("queuedok: NOT PAID - give back Rs. 1,695.00", seconds: 40)
                #expect(screen.contains("Held 0"))
                #expect(screen.contains("Customer username"))
            }
        } catch {
            await sandbox.stop()
            throw error
        }
        await sandbox.stop()
    }

    @Test("Ctrl-C leaves the terminal usable")
    func controlC() async throws {
        try await withConsoleFromShell { tmux in
            try tmux.send("C-c")
            try await expectShellBackWithUsableTerminal(tmux)
        }
    }

    /// SIGINT (the terminal sends none in raw mode, but `kill -INT` does), SIGQUIT (a quit,
    /// never a dump), SIGTERM (a shutdown) and SIGHUP (the window closed) quit cleanly.
    /// SIGSEGV (a crash) is still a crash, which the shell reports, but the terminal is
    /// mended first: the shell would
    /// restore echo by itself, so the console's screen being gone is what tells.
    @Test("a signal leaves the terminal usable", arguments: [
        (SIGINT, nil), (SIGQUIT, nil), (SIGTERM, nil), (SIGHUP, nil), (SIGSEGV, "Segmentation fault"),
    ] as [(Int32, String?)])
    func signalled(signal: Int32, shellReports: String?) async throws {
        try await withConsoleFromShell { tmux in
            let console = try #require(try tmux.childOfShell())
            kill(console, signal)
            if let shellReports { try await tmux.waitFor(shellReports) }
            try await expectShellBackWithUsableTerminal(tmux)
        }
    }

    /// The console started from an interactive shell, "Prad" typed into the username.
    func withConsoleFromShell(sourceLocation: SourceLocation = #_sourceLocation, _ body: (TmuxSession) async throws -> Void) async throws {
        try await withConsole(shell: true, sourceLocation: sourceLocation) { tmux, _ in
            try await tmux.waitFor("$")
            try tmux.type("'\(BinaryRunner.binary)'")
            try tmux.send("Enter")
            try await tmux.waitFor("Customer username")
            try tmux.type("Prad")
            try await tmux.waitFor("[Prad")
            try await body(tmux)
        }
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

    func waitUntilExited(_ tmux: TmuxSession, seconds: Double = 5, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try tmux.hasExited() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the console did not exit", sourceLocation: sourceLocation)
    }
}
