import ArrownetDomain
import ConsoleCore
import Foundation
import Printing
import Testing

@Suite("Receipt printer")
struct ReceiptPrinterTests {
    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int ?? -1) & 0o777
    }

    @Test("by default each receipt is saved under <data>/receipts as a private file named by date and number")
    func savesFile() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: [:])
        let receipt = Fixtures.receipt()

        let note = try await printer.print(receipt)

        let folder = data.appendingPathComponent("receipts")
        let path = folder.appendingPathComponent("2025-11-27_Counter1-6Q7R8S9T0V.txt").path
        #expect(note == "saved as \(path)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ReceiptLayout.text(for: receipt))
        #expect(Self.mode(path) == 0o600)
        #expect(Self.mode(folder.path) == 0o700)
    }

    @Test("a reprint is saved beside the original, marked, and nothing is overwritten")
    func reprints() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: ["ARROWNET_PRINT_COMMAND": "  "])
        let receipt = Fixtures.receipt()
        _ = try await printer.print(receipt)
        let first = try await printer.print(receipt.reprint())
        let second = try await printer.print(receipt.reprint())

        let folder = data.appendingPathComponent("receipts").path
        #expect(first.hasSuffix("/2025-11-27_Counter1-6Q7R8S9T0V_reprint.txt"))
        #expect(second.hasSuffix("/2025-11-27_Counter1-6Q7R8S9T0V_reprint-2.txt"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 3)
        let text = try String(contentsOfFile: String(first.dropFirst("saved as ".count)), encoding: .utf8)
        #expect(text.contains("*** REPRINT ***"))
        #expect(!(try String(contentsOfFile: folder + "/2025-11-27_Counter1-6Q7R8S9T0V.txt", encoding: .utf8)).contains("REPRINT"))
    }

    @Test("a receipt number that tries to leave the folder cannot")
    func hostileNumber() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: [:])
        let note = try await printer.print(Fixtures.receipt(number: "../../etc/x"))
        #expect(note.hasSuffix("/receipts/2025-11-27_etcx.txt"))
    }

    @Test("the print command gets the 42-column text on its standard input, and not the Khalti token")
    func command() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let out = data.appendingPathComponent("printed.txt").path
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: [
            "ARROWNET_PRINT_COMMAND": "cat > '\(out)'; echo \"request id is counter1-7 [${KHALTI_TOKEN:-no token}]\"",
            "KHALTI_TOKEN": "TEST:do-not-leak", "PATH": "/usr/bin:/bin",
        ])
        let receipt = Fixtures.receipt()

        let note = try await printer.print(receipt)

        #expect(try String(contentsOfFile: out, encoding: .utf8) == ReceiptLayout.text(for: receipt))
        #expect(note.hasSuffix(": request id is counter1-7 [no token]"))
        #expect(note.hasPrefix("sent to the printer (cat > "))
        // Nothing is saved when a printer is configured.
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("receipts").path))
    }

    @Test("a command that fails: its exit status and what it said, and how to print again")
    func commandFails() async {
        let printer = ReceiptPrinter(destination: .command("echo 'lp: The printer or class does not exist.' >&2; exit 3"))
        let error = await #expect(throws: ConsoleError.self) { try await printer.print(Fixtures.receipt()) }
        #expect(error?.reason == "The print command (echo 'lp: The printer or class does not exist.' >&2; exit 3) failed "
            + "with exit status 3. It said: lp: The printer or class does not exist.")
        #expect(error?.nextStep == "Check the printer, then print again: r on the result screen, Ctrl-R on the username screen.")
    }

    @Test("a stuck printer is stopped after the timeout; the console does not wait for it")
    func stuck() async {
        let printer = ReceiptPrinter(destination: .command("sleep 30"), timeout: .milliseconds(300))
        let started = ContinuousClock.now
        let error = await #expect(throws: ConsoleError.self) { try await printer.print(Fixtures.receipt()) }
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(error?.reason == "The printer did not finish within 0.3 s and was stopped (sleep 30).")
    }

    @Test("a command that ignores SIGTERM is killed, with what it started")
    func stubborn() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("child.pid").path
        // The shell ignores TERM and waits for a child of its own.
        let printer = ReceiptPrinter(
            destination: .command("trap '' TERM; sleep 30 & echo $! > '\(pidFile)'; wait"), timeout: .milliseconds(300))
        let started = ContinuousClock.now
        await #expect(throws: ConsoleError.self) { try await printer.print(Fixtures.receipt()) }
        #expect(ContinuousClock.now - started < .seconds(20))
        let child = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(await Self.isGone(child), "the command's own child was left running")
    }

    /// Gone, or a zombie waiting for a reaper (the container's init may be slow).
    static func isGone(_ pid: Int32) async -> Bool {
        for _ in 0..<100 {
            if kill(pid, 0) != 0 { return true }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            if stat.contains(") Z ") { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
