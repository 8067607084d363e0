import ConsoleCore
import Foundation
import NetworkTestSupport
import Printing
import Testing

@Suite("ESC/POS printers on the network and as a device file")
struct EscposTransportTests {
    static let quick = PrinterTimeouts(connect: .seconds(2), write: .milliseconds(500))

    static func printer(_ address: PrinterAddress, timeouts: PrinterTimeouts = quick) -> EscposPrinter {
        EscposPrinter(address: address, shaper: .none, timeouts: timeouts)
    }

    static func receiptDocument() -> PrintDocument { ReceiptLayout.document(for: Fixtures.receipt()) }

    @Test("over TCP the printer gets exactly the job's bytes, one connection a job")
    func network() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let printer = Self.printer(try PrinterAddress(setting: listener.setting))
        let expected = await printer.job(for: Self.receiptDocument(), pulse: .standard).bytes

        try await printer.pulse(.standard)
        try await printer.print(Self.receiptDocument(), pulse: .standard)

        let jobs = await listener.jobs(count: 2)
        #expect(jobs.count == 2)
        #expect(jobs.first == EscposEncoder().bytes(for: DrawerPulse.standard))
        #expect(jobs.last == expected)
        #expect(Printout(jobs.last ?? []).lines.map(\.text) == ReceiptLayout.lines(for: Fixtures.receipt()))
    }

    @Test("a device file gets the job, each job after the last; a missing one is never created")
    func device() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lp0").path
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let printer = Self.printer(try PrinterAddress(setting: "escpos:\(file)"))

        try await printer.print(Self.receiptDocument())
        try await printer.pulse(.standard)

        let written = Array(try #require(FileManager.default.contents(atPath: file)))
        let receipt = await printer.job(for: Self.receiptDocument()).bytes
        #expect(written == receipt + EscposEncoder().bytes(for: DrawerPulse.standard))
    }

    @Test("a port nobody listens on: refused, at once, in a sentence")
    func refused() async throws {
        let closed = try ClosedPort()
        let printer = Self.printer(.network(host: "127.0.0.1", port: closed.port))
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.print(Self.receiptDocument()) }
        // Refused, not "not answering": no connect timeout was waited for. The bound only
        // catches a hang; a full parallel test run on two cores can be slow to resume a task.
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(error == .refused(.network(host: "127.0.0.1", port: closed.port)))
        #expect(error?.sentence == "The printer at 127.0.0.1:\(closed.port) refused the connection (wrong port, or busy with another computer).")
    }

    @Test("a printer that accepts but takes nothing: stopped after the write timeout, and said so")
    func notTaking() async throws {
        let listener = try LoopbackPrinter(readsNothing: true)
        defer { listener.stop() }
        let printer = Self.printer(try PrinterAddress(setting: listener.setting))
        // A long report: more than the printer's small buffer can hold unread.
        let long = PrintDocument((1...400).map { .field(label: "Payment \($0)", value: "Rs. 1,695.00") })
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.print(long) }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(500) && elapsed < .seconds(20), "\(elapsed)")
        guard case .notTaking(_, let after, let taken, let total)? = error else {
            Issue.record("expected notTaking, got \(String(describing: error))")
            return
        }
        #expect(after == .milliseconds(500))
        #expect(taken < total)
        #expect(error?.sentence.hasPrefix("The printer at 127.0.0.1:\(listener.port) did not take the job within 0.5 s (") == true)
        #expect(error?.sentence.hasSuffix("is it out of paper, its cover open, or switched off?") == true)
    }

    @Test("a printer that never answers: not answering within the connect timeout")
    func silent() async throws {
        let silent = try await SilentPort()
        let printer = Self.printer(.network(host: "127.0.0.1", port: silent.port), timeouts: PrinterTimeouts(connect: .milliseconds(300)))
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.pulse(.standard) }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(20), "\(elapsed)")
        #expect(error == .notAnswering(.network(host: "127.0.0.1", port: silent.port), after: .milliseconds(300)))
        #expect(error?.sentence == "The printer at 127.0.0.1:\(silent.port) did not answer within 0.3 s (is it switched on and on the network?).")
    }

    @Test("a host name that does not exist: said, not a crash or a hang")
    func unknownHost() async throws {
        let printer = Self.printer(.network(host: "no-such-printer.invalid", port: 9100))
        let started = ContinuousClock.now
        let error = await #expect(throws: PrinterError.self) { try await printer.pulse(.standard) }
        // A name server that does not answer is given up at the connect timeout (2 s);
        // the rest is margin for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(20))
        guard case .unknownHost? = error else {
            Issue.record("expected unknown host, got \(String(describing: error))")
            return
        }
        #expect(error?.sentence.hasPrefix("The printer no-such-printer.invalid could not be found (") == true)
    }

    @Test("a missing device: said, and nothing created in its place")
    func missingDevice() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("lp0").path
        let error = await #expect(throws: PrinterError.self) { try await Self.printer(.device(path: path)).pulse(.standard) }
        #expect(error?.sentence == "There is no printer device \(path) (is the printer switched on and its USB cable in?).")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a device this user may not write: permission denied, and the lp group named")
    func unwritableDevice() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Root writes any file whatever its mode; a read-only kernel attribute refuses root too.
        let path: String
        if geteuid() == 0 {
            path = "/sys/kernel/uevent_seqnum"
        } else {
            path = folder.appendingPathComponent("lp0").path
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o444])
        }
        let error = await #expect(throws: PrinterError.self) { try await Self.printer(.device(path: path)).pulse(.standard) }
        #expect(error == .permissionDenied(.device(path: path)))
        #expect(error?.sentence == "This user may not write to the printer device \(path): add the user to the lp group "
            + "(sudo adduser USER lp, then log in again).")
    }
}
