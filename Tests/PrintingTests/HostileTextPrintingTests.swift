import ArrownetDomain
import ConsoleCore
import Foundation
import Printing
import Testing

/// A customer's name (and counter, operator, transaction id) holding what a hostile
/// server or an older journal row could hold reaches no printer path raw: not the saved
/// file, not the print command's standard input, not the ESC/POS bytes (no drawer kick,
/// no unknown command), not pango-view's input.
@Suite("Printing: hostile text reaches no file, command or printer raw")
struct HostileTextPrintingTests {
    /// `\r`, `ESC [2K`, an OSC title, BEL, NUL, `ESC p 0 25 50` (the drawer kick),
    /// U+202E, a one-byte CSI, DEL, and a line break. Cleaned, it is printable ASCII, so an
    /// ESC/POS printer prints it as text rather than drawing it.
    static let hostile = "Ram\r\u{1B}[2K\u{1B}]0;title\u{07}\u{00}\u{1B}p0\u{19}2\u{202E}5000\u{9B}2J\u{7F}\nThapa"

    static func receipt(name: String = hostile) -> Receipt {
        Receipt(
            number: "Counter1-6Q7R8S9T0V", paidAt: Fixtures.morning, counter: "Counter 1\u{1B}[31m", operatorName: "Sita\u{07}\u{202E}",
            username: try! Username("Pradhanang"), customerName: name, duration: .oneMonth, amount: Money(paisa: 169_500), newExpiry: nil,
            reference: try! PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"), transactionID: "KTX\u{1B}p\u{0}\u{19}", environment: .sandbox)
    }

    /// Scalars that would act on a terminal or printer; a line break is the document's own.
    static func unsafe(in text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && OutsideText.isUnsafe($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    static func unsafe(in data: Data) -> [String] {
        unsafe(in: String(decoding: data, as: UTF8.self))
    }

    @Test("the receipt made from a payment keeps its outside fields as one safe line each")
    func receiptFields() {
        let receipt = Self.receipt()
        for field in [receipt.customerName, receipt.counter, receipt.operatorName, receipt.transactionID ?? ""] {
            #expect(OutsideText.isSafe(field), "\(field.unicodeScalars.map(\.value))")
        }
        #expect(receipt.customerName == "Ram ?[2K?]0;title???p0?2?5000?2J? Thapa")
        // The reprint is the same clean receipt.
        #expect(receipt.reprint().customerName == receipt.customerName)
        let lines = ReceiptLayout.lines(for: receipt)
        #expect(lines.allSatisfy { Self.unsafe(in: $0).isEmpty && displayWidth($0) <= PrintDocument.width }, "\(lines)")
    }

    @Test("any document, however built (a shift report from the journal), is safe text: blocks, lines and text")
    func anyDocument() {
        var document = PrintDocument([
            .field(label: "Operator", value: Self.hostile), .text("Cash out: \(Self.hostile)"),
            .field(label: "Note\u{1B}[8m", value: "x", standIn: Self.hostile),
        ])
        document.blocks.append(.text(Self.hostile, style: .bold, alignment: .center))
        #expect(Self.unsafe(in: document.text).isEmpty, "\(document.text)")
        #expect(document.blocks.allSatisfy { $0 == $0.safe })
        #expect(document.blocks.map(\.withStandIn).allSatisfy { $0 == $0.safe })
    }

    @Test("a saved receipt file holds no control")
    func savedFile() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let note = try await ReceiptPrinter.configured(dataFolder: data, environment: [:]).print(Self.receipt())
        let path = String(note.dropFirst("saved as ".count))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(Self.unsafe(in: bytes).isEmpty)
        #expect(String(decoding: bytes, as: UTF8.self).contains("?[2K"))
    }

    @Test("the print command's standard input holds no control, and what it says back is shown safe")
    func printCommand() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let out = data.appendingPathComponent("stdin.bin").path
        // The command's own output is outside text too: it says something hostile back.
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: [
            "ARROWNET_PRINT_COMMAND": "cat > '\(out)'; printf 'queued\\033]0;owned\\007 \\033[2J ok'", "PATH": "/usr/bin:/bin",
        ])
        let note = try await printer.print(Self.receipt())
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        #expect(Self.unsafe(in: bytes).isEmpty, "\(Self.unsafe(in: bytes))")
        #expect(String(decoding: bytes, as: UTF8.self) == ReceiptLayout.text(for: Self.receipt()))
        #expect(OutsideText.isSafe(note), "\(note.unicodeScalars.map(\.value))")
        #expect(note.hasSuffix("queued?]0;owned? ?[2J ok"), "\(note)")
    }

    @Test("ESC/POS: the text is printable ASCII, no drawer pulse, no command the name chose")
    func escpos() async throws {
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let printer = ReceiptPrinter(
            destination: .escpos(try PrinterAddress(setting: listener.setting)), drawer: .kick(.standard),
            escpos: EscposOptions(shaper: .none, timeouts: PrinterTimeouts(connect: .seconds(2), write: .milliseconds(500))))
        // A reprint: the drawer must not open, so any pulse in the bytes came from the name.
        _ = try await printer.print(Self.receipt().reprint(), kickDrawer: false)
        let bytes = try #require(await listener.jobs(count: 1).first)
        let printout = Printout(bytes)
        #expect(printout.pulses.isEmpty, "a drawer kick: \(printout.pulses)")
        #expect(printout.problems.isEmpty, "\(printout.problems)")
        // The only ESC and GS bytes are the encoder's own commands; every text run is printable.
        for command in printout.commands {
            if case .text(let text) = command { #expect(text.utf8.allSatisfy { (0x20...0x7E).contains($0) }) }
        }
        #expect(printout.lines.contains { $0.text.contains("?[2K?]0;title???p0?2?5000") }, "\(printout.lines)")
        // The same bytes as the receipt whose fields were clean to begin with.
        let clean = Receipt(
            number: "Counter1-6Q7R8S9T0V", paidAt: Fixtures.morning, counter: OutsideText.line("Counter 1\u{1B}[31m"),
            operatorName: OutsideText.line("Sita\u{07}\u{202E}"), username: try Username("Pradhanang"),
            customerName: OutsideText.line(Self.hostile), duration: .oneMonth, amount: Money(paisa: 169_500), newExpiry: nil,
            reference: try PaymentReference("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"), transactionID: OutsideText.line("KTX\u{1B}p\u{0}\u{19}"),
            environment: .sandbox)
        #expect(bytes == EscposEncoder().bytes(for: ReceiptLayout.document(for: clean.reprint())))
    }

    @Test("pango-view is handed the name as safe text, Devanagari and its joiners intact")
    func shaperInput() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let captured = folder.appendingPathComponent("pango-input.txt").path
        // A stand-in for pango-view: keeps its input file (the last argument), draws nothing.
        let shaper = Fixtures.script(
            "#!/bin/sh\nfor last in \"$@\"; do :; done\ncat \"$last\" >> '\(captured)'\nexit 1\n", named: "pango-view", in: folder)
        let listener = try LoopbackPrinter()
        defer { listener.stop() }
        let printer = ReceiptPrinter(
            destination: .escpos(try PrinterAddress(setting: listener.setting)),
            escpos: EscposOptions(
                shaper: TextShaper(executable: shaper), timeouts: PrinterTimeouts(connect: .seconds(2), write: .milliseconds(500))))
        let name = "राम\r\u{1B}[2K\u{202E}श्\u{200D}रेष्ठ\u{07}\u{9B}"
        _ = try await printer.print(Self.receipt(name: name))
        _ = await listener.jobs(count: 1)
        let input = try String(contentsOfFile: captured, encoding: .utf8)
        #expect(Self.unsafe(in: input).isEmpty, "\(Self.unsafe(in: input))")
        #expect(input.contains("राम ?[2K?श्\u{200D}रेष्ठ??"), "\(input)")
    }
}
