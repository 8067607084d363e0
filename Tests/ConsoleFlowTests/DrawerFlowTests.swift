import ArrownetDomain
import ConsoleCore
import Foundation
import LiveConsole
import PaymentJournal
import Testing

/// The cash drawer with the live environment (`drawer = kick`): an ESC/POS printer
/// that is a file standing in for `/dev/usb/lp0`, the real desk and journal.
@Suite("Console flows: the cash drawer")
struct DrawerFlowTests {
    /// ESC p 0 50 50: the pulse on pin 2 that opens the drawer.
    static let pulse: [UInt8] = [0x1B, 0x70, 0x00, 0x32, 0x32]

    /// An empty file standing in for the printer's device; the test removes it.
    static func printerDevice() throws -> URL {
        let device = FileManager.default.temporaryDirectory.appendingPathComponent("lp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: device.path, contents: Data()) else { throw CocoaError(.fileWriteUnknown) }
        return device
    }

    /// The console's printer: ESC/POS to `device`, with the drawer on it (`drawer = kick`).
    static func printer(on device: URL) -> (URL) -> ReceiptPrinter {
        { _ in
            ReceiptPrinter(
                destination: .escpos(.device(path: device.path)), drawer: .kick(.standard), escpos: EscposOptions(shaper: .none),
                environment: [:])
        }
    }

    static func pulses(in file: URL) throws -> Int {
        let bytes = [UInt8](try Data(contentsOf: file))
        guard bytes.count >= pulse.count else { return 0 }
        return (0...(bytes.count - pulse.count)).filter { Array(bytes[$0..<($0 + pulse.count)]) == pulse }.count
    }

    @Test("it opens with a paid payment's receipt (not a reprint), by hand with a reason, and to count; the Z report counts each")
    func drawer() async throws {
        let device = try Self.printerDevice()
        defer { try? FileManager.default.removeItem(at: device) }
        let printer = Self.printer(on: device)
        try await LiveCounter.with(printer: printer) { counter in
            #expect(await counter.state.hasCashDrawer)
            await counter.payOneMonth("Pradhanang")
            let paid = try await counter.state.outcome()
            #expect(paid.printStatus == .printed("sent to the printer (escpos:\(device.path)), drawer opened"))
            #expect(try Self.pulses(in: device) == 1)
            await counter.press(.character("r"))
            #expect(try Self.pulses(in: device) == 1, "a reprint never opens the drawer")
            await counter.press(.enter)

            await counter.press(.function(4))
            await counter.type("change for a customer")
            await counter.press(.enter)
            #expect(try await counter.state.usernameEntry() == UsernameEntryScreen())
            #expect(await counter.state.statusMessage == "Drawer opened (escpos:\(device.path)): change for a customer.")
            #expect(try Self.pulses(in: device) == 2)

            await counter.press(.function(3))
            await counter.press(.character("c"))
            guard case .shiftClose(let closing) = await counter.state.screen else { throw FlowError("not closing") }
            #expect(closing.drawer == .opened("drawer opened (escpos:\(device.path))"))
            #expect(try Self.pulses(in: device) == 3)
            await counter.type("2695")
            await counter.press(.enter)
            await counter.press(.character("y"))
            guard case .shiftOpen(let open) = await counter.state.screen, let z = open.closed?.report else {
                throw FlowError("not closed")
            }
            #expect(z.drawerOpenings == 3 && z.drawerOpeningsWithoutPayment == 2)
            let activity = try await counter.journal.shiftActivity(id: z.shift.id, until: counter.clock.now)
            #expect(activity.drawerOpenings.map(\.reason) == ["payment", "change for a customer", "count"])
            #expect(activity.drawerOpenings.first?.reference == paid.payment?.reference)
            // The Z report went to the same printer, without opening the drawer again.
            #expect(try Self.pulses(in: device) == 3)
            #expect(String(decoding: try Data(contentsOf: device), as: UTF8.self).contains("Z REPORT"))
        }
    }
}

extension DrawerFlowTests {
    @Test("a held payment the console finds paid later prints its receipt without opening the drawer: its cash was put aside then")
    func settledLater() async throws {
        let device = try Self.printerDevice()
        defer { try? FileManager.default.removeItem(at: device) }
        let printer = Self.printer(on: device)
        try await LiveCounter.with(printer: printer) { counter in
            await counter.payOneMonth("queuedok")
            #expect(try await counter.state.outcome().headline == "HELD")
            await counter.watchHeldPayments()
            counter.clock.advance(seconds: 5 * 60)
            try await counter.eventually("the receipt is printed") {
                await counter.state.notices.waiting.map(\.text) == ["queuedok: now PAID - receipt printed"]
            }
            #expect(String(decoding: try Data(contentsOf: device), as: UTF8.self).contains("ARROWNET INTERNET"))
            #expect(try Self.pulses(in: device) == 0)
        }
    }
}
