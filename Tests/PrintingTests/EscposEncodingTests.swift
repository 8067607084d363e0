import ArrownetDomain
import ConsoleCore
import Foundation
import Printing
import Testing

@Suite("ESC/POS encoding")
struct EscposEncodingTests {
    /// No shaper: the bytes do not depend on the fonts of the machine.
    static let printer = EscposPrinter(address: .device(path: "/dev/null"), shaper: .none)

    static func job(_ document: PrintDocument, pulse: DrawerPulse? = nil) async -> EscposJob {
        await printer.job(for: document, pulse: pulse)
    }

    @Test("a receipt: initialised for ASCII, its 42 columns as text, headline bold and tall, marks and amount bold, fed and cut")
    func receipt() async {
        let receipt = Fixtures.receipt()
        let job = await Self.job(ReceiptLayout.document(for: receipt), pulse: .standard)
        let printout = Printout(job.bytes)

        #expect(Array(printout.commands.prefix(3)) == [.initialize, .codePage(0), .characterSet(0)])
        #expect(printout.problems.isEmpty, "\(printout.problems)")
        #expect(printout.lines.map(\.text) == ReceiptLayout.lines(for: receipt))
        #expect(printout.lines.allSatisfy { $0.text.count <= 42 })
        let styled = printout.lines.filter { $0.bold || $0.tall }.map(\.description)
        #expect(styled == [
            "\"   *** SANDBOX: NOT A REAL PAYMENT ***\" bold",
            "\"            ARROWNET INTERNET\" bold tall",
            "\"AMOUNT PAID\(String(repeating: " ", count: 19))Rs. 1,695.00\" bold",
            "\"   *** SANDBOX: NOT A REAL PAYMENT ***\" bold",
        ])
        #expect(printout.pulses == [.pulse(pin: 0, onUnits: 50, offUnits: 50)])
        // The drawer opens as printing starts, not after the cut.
        #expect(printout.commands.firstIndex(of: .pulse(pin: 0, onUnits: 50, offUnits: 50)) == 3)
        #expect(Array(printout.commands.suffix(2)) == [.feed(lines: 4), .cut(partial: true)])
        #expect(printout.cuts == 1)
        #expect(job.standInReasons.isEmpty)
        GoldenBytes.check(job.bytes, named: "receipt")
    }

    @Test("a reprint with a Devanagari name and no shaper: REPRINT bold, the username and (name on screen) instead of the name")
    func reprint() async {
        let receipt = Fixtures.receipt(name: Fixtures.devanagariName, environment: .live).reprint()
        let job = await Self.job(ReceiptLayout.document(for: receipt))
        let printout = Printout(job.bytes)

        #expect(printout.problems.isEmpty, "\(printout.problems)")
        #expect(printout.lines.contains(Printout.Line(text: String(repeating: " ", count: 13) + "*** REPRINT ***", bold: true, tall: false)))
        #expect(printout.lines.contains(Printout.Line(text: "Name" + String(repeating: " ", count: 11) + "Pradhanang (name on screen)", bold: false, tall: false)))
        #expect(!printout.lines.contains { $0.text.contains("SANDBOX") })
        #expect(printout.pulses.isEmpty)
        #expect(printout.images.isEmpty)
        #expect(printout.cuts == 1)
        #expect(job.standInReasons == ["pango-view is not installed"])
        // Every other line is the receipt's text.
        let expected = ReceiptLayout.lines(for: receipt).filter { !$0.hasPrefix("Name") }
        #expect(printout.lines.map(\.text).filter { !$0.hasPrefix("Name") } == expected)
        GoldenBytes.check(job.bytes, named: "reprint")
    }

    @Test("a shift report document prints through the same encoder: title tall, total bold, free lines, a blank line")
    func report() async {
        let job = await Self.job(Fixtures.report)
        let printout = Printout(job.bytes)

        #expect(printout.problems.isEmpty, "\(printout.problems)")
        #expect(printout.lines.map(\.text) == Fixtures.report.lines.map(\.text))
        #expect(printout.lines[1] == Printout.Line(text: "             SHIFT REPORT (Z)", bold: true, tall: true))
        #expect(printout.lines.first { $0.text.hasPrefix("TOTAL TAKEN") }?.bold == true)
        #expect(printout.lines.contains(Printout.Line(text: "", bold: false, tall: false)))
        #expect(printout.lines.contains { $0.text == "                 Counted by ______________" })
        #expect(printout.cuts == 1)
        GoldenBytes.check(job.bytes, named: "report")
    }

    @Test("a drawer kick alone: initialise and the pulse, no paper fed or cut")
    func drawerKick() {
        let bytes = EscposEncoder().bytes(for: DrawerPulse.standard)
        #expect(EscposCommand.decode(bytes) == [.initialize, .pulse(pin: 0, onUnits: 50, offUnits: 50)])
        GoldenBytes.check(bytes, named: "drawer-kick")
    }

    @Test("a pulse never rests less than it drives, and pin 5 is m = 1")
    func pulseTimes() {
        #expect(DrawerPulse(pin: .five, onUnits: 100, offUnits: 10).bytes == [0x1B, 0x70, 1, 100, 100])
    }

    @Test("style switches only where it changes, and is back to plain before the cut")
    func styleChanges() async {
        let document = PrintDocument([
            .text("A", style: .bold), .text("B", style: .bold), .text("C", style: .headline), .text("D"), .text("E", style: .headline),
        ])
        let commands = EscposCommand.decode(EscposEncoder().bytes(for: document))
        #expect(Array(commands.dropFirst(3)) == [
            .bold(true), .text("A"), .lineFeed, .text("B"), .lineFeed, .size(width: 1, height: 2), .text("C"), .lineFeed,
            .bold(false), .size(width: 1, height: 1), .text("D"), .lineFeed, .bold(true), .size(width: 1, height: 2), .text("E"),
            .lineFeed, .bold(false), .size(width: 1, height: 1), .feed(lines: 4), .cut(partial: true),
        ])
    }

    @Test("a letter the printer lacks in a label or in text with no stand-in prints as ?, never as raw UTF-8")
    func questionMarks() async {
        let document = PrintDocument([.field(label: "Café", value: "1"), .text("naïve ₹ price")])
        let job = await Self.job(document)
        #expect(job.bytes.allSatisfy { $0 < 0x80 })
        #expect(Printout(job.bytes).lines.map(\.text) == ["Caf?                                     1", "na?ve ? price"])
    }

    @Test("only text the printer cannot print is drawn, each once")
    func drawings() {
        let document = PrintDocument([
            .field(label: "Name", value: Fixtures.devanagariName, standIn: "x"), .field(label: "Plan", value: "1 month"),
            .text("धन्यवाद", alignment: .center), .field(label: "Again", value: Fixtures.devanagariName),
        ])
        #expect(EscposEncoder().drawings(in: document) == [
            Drawing(text: Fixtures.devanagariName, style: .plain, alignment: .right),
            Drawing(text: "धन्यवाद", style: .plain, alignment: .center),
        ])
    }
}
