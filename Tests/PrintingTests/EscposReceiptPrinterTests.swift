import ArrownetDomain
import ConsoleCore
import Foundation
import NetworkTestSupport
import Printing
import Testing

@Suite("Receipt printer on ESC/POS")
struct EscposReceiptPrinterTests {
    static func printer(_ setting: String, drawer: DrawerSetting = .kick(.standard)) throws -> ReceiptPrinter {
        ReceiptPrinter(
            destination: .escpos(try PrinterAddress(setting: setting)), drawer: drawer,
            escpos: EscposOptions(shaper: .none, timeouts: PrinterTimeouts(connect: .seconds(2), write: .milliseconds(500))))
    }

    @Test("a paid receipt with the drawer: one job, pulse first, and the note says where it went and that the drawer opened")
    func paid() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let printer = try Self.printer(listener.setting)

        let note = try await printer.print(Fixtures.receipt(), kickDrawer: true)

        #expect(note == "sent to the printer (\(listener.setting)), drawer opened")
        let jobs = await listener.jobs(count: 1)
        let printout = Printout(try #require(jobs.first))
        #expect(printout.pulses.count == 1)
        #expect(printout.lines.map(\.text) == ReceiptLayout.lines(for: Fixtures.receipt()))
    }

    @Test("a reprint does not open the drawer; nor does any job when the drawer is none")
    func reprint() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        _ = try await Self.printer(listener.setting).print(Fixtures.receipt().reprint())
        let none = try Self.printer(listener.setting, drawer: .none)
        let note = try await none.print(Fixtures.receipt(), kickDrawer: true)
        #expect(note == "sent to the printer (\(listener.setting))")
        #expect(!none.opensDrawer)
        let jobs = await listener.jobs(count: 2)
        #expect(jobs.count == 2)
        #expect(jobs.allSatisfy { Printout($0).pulses.isEmpty })
    }

    @Test("a Devanagari name without a shaper: printed as the username, and the note says so")
    func standIn() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let note = try await Self.printer(listener.setting).print(Fixtures.receipt(name: Fixtures.devanagariName))
        #expect(note == "sent to the printer (\(listener.setting)); the name is printed as the username (pango-view is not installed)")
    }

    @Test("the drawer alone: one pulse job, nothing printed")
    func openDrawer() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let note = try await Self.printer(listener.setting).openDrawer()
        #expect(note == "drawer opened (\(listener.setting))")
        #expect(await listener.jobs(count: 1) == [EscposEncoder().bytes(for: DrawerPulse.standard)])
    }

    @Test("no drawer to open: said, and the key named")
    func noDrawer() async throws {
        let error = await #expect(throws: ConsoleError.self) {
            try await ReceiptPrinter(destination: .command("cat > /dev/null"), drawer: .kick(.standard)).openDrawer()
        }
        #expect(error?.reason == "No cash drawer is set up: drawer = kick and an ESC/POS printer open it.")
        #expect(error?.nextStep == "Open the drawer with its key.")
    }

    @Test("a printer that is off: the clerk reads why and how to print again, and that the drawer did not open")
    func printerOff() async throws {
        let closed = try ClosedPort()
        let printer = try Self.printer("escpos+tcp://127.0.0.1:\(closed.port)")
        let error = await #expect(throws: ConsoleError.self) { try await printer.print(Fixtures.receipt(), kickDrawer: true) }
        #expect(error?.kind == .unavailable)
        #expect(error?.reason == "The printer at 127.0.0.1:\(closed.port) refused the connection (wrong port, or busy with another "
            + "computer). The drawer did not open.")
        #expect(error?.nextStep == "Check the printer, then print again: r on the result screen, Ctrl-R on the username screen.")
        let drawer = await #expect(throws: ConsoleError.self) { try await printer.openDrawer() }
        #expect(drawer?.reason.hasSuffix("The drawer did not open.") == true)
    }

    @Test("a printer that took the start of the job but not the rest: the drawer may have opened, and the clerk is told")
    func stuckAfterPulse() async throws {
        let listener = try LoopbackPrinter(readsNothing: true)
        defer { listener.stop() }
        let long = PrintDocument((1...400).map { .field(label: "Payment \($0)", value: "Rs. 1,695.00") })
        let error = await #expect(throws: ConsoleError.self) {
            try await Self.printer(listener.setting).print(long, fileName: "report", kickDrawer: true)
        }
        #expect(error?.reason.hasPrefix("The printer at 127.0.0.1:\(listener.port) did not take the job within 0.5 s") == true)
        #expect(error?.reason.hasSuffix("switched off? The drawer may have opened.") == true)
        #expect(error?.nextStep == "Check the printer, then print again.")
    }

    @Test("a report prints through the same path: on the printer, or saved beside the receipts under its own name")
    func report() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        _ = try await Self.printer(listener.setting).print(Fixtures.report, fileName: "ignored")
        let jobs = await listener.jobs(count: 1)
        #expect(Printout(try #require(jobs.first)).lines.map(\.text) == Fixtures.report.lines.map(\.text))

        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let files = ReceiptPrinter.configured(dataFolder: data, environment: [:])
        let first = try await files.print(Fixtures.report, fileName: "2025-11-27_Counter1_shift-3_Z/../x")
        let second = try await files.print(Fixtures.report, fileName: "2025-11-27_Counter1_shift-3_Z/../x")
        #expect(first.hasSuffix("/receipts/2025-11-27_Counter1_shift-3_Zx.txt"))
        #expect(second.hasSuffix("/receipts/2025-11-27_Counter1_shift-3_Zx-2.txt"))
        #expect(try String(contentsOfFile: String(first.dropFirst("saved as ".count)), encoding: .utf8) == Fixtures.report.text)
    }
}
