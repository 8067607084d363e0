import ConsoleCore

/// A document as ESC/POS bytes for an 80 mm printer: initialise, the text in the
/// printer's own font (42 columns, bold and tall where the document says), drawn
/// images for text it has no letters for, then feed and cut.
public struct EscposEncoder: Hashable, Sendable {
    /// Dots across a drawn line. 512: 80 mm printers print 512 dots (180 dpi, Epson's
    /// TM-T88 line) or 576 (203 dpi, most others), and an image wider than the head
    /// is cut off or wrapped. 512 fits both, and covers the 42 text columns (504 dots)
    /// the drawn name lines up with.
    public static let standardRasterWidth = 512

    public let rasterWidth: Int
    /// Lines fed before the cut: the cutter sits above the print head.
    public let feedLines: UInt8

    public init(rasterWidth: Int = EscposEncoder.standardRasterWidth, feedLines: UInt8 = 4) {
        precondition(rasterWidth > 0 && rasterWidth % 8 == 0, "a raster row is whole bytes")
        self.rasterWidth = rasterWidth
        self.feedLines = feedLines
    }

    /// What must be drawn: each block with text the printer cannot print (anything
    /// but printable ASCII), once each.
    public func drawings(in document: PrintDocument) -> [Drawing] {
        var seen = Set<Drawing>()
        return document.blocks.compactMap(Self.drawing(for:)).filter { seen.insert($0).inserted }
    }

    /// The document's bytes. `drawn` holds the images made for `drawings(in:)`; a
    /// block whose image is missing (no shaper) is printed with its stand-in. With a
    /// pulse the drawer opens as printing starts.
    public func bytes(for document: PrintDocument, drawn: [Drawing: RasterImage] = [:], pulse: DrawerPulse? = nil) -> [UInt8] {
        var writer = Writer()
        writer.bytes += Self.start
        if let pulse { writer.bytes += pulse.bytes }
        for block in document.blocks {
            guard let drawing = Self.drawing(for: block) else {
                block.lines(width: PrintDocument.width).forEach { writer.line($0) }
                continue
            }
            guard let image = drawn[drawing] else {
                block.withStandIn.lines(width: PrintDocument.width).forEach { writer.line($0) }
                continue
            }
            if case .field(let label, _, let style, _) = block {
                PrintBlock.field(label: label, value: "", style: style).lines(width: PrintDocument.width).forEach { writer.line($0) }
            }
            writer.image(image)
        }
        writer.style(.plain)
        writer.bytes += EscposCommands.feed(lines: feedLines) + EscposCommands.partialCut
        return writer.bytes
    }

    /// A job that only opens the drawer: nothing printed, no paper used.
    public func bytes(for pulse: DrawerPulse) -> [UInt8] {
        EscposCommands.initialize + pulse.bytes
    }

    /// Initialise, then ASCII on both the code page and the character set, whatever
    /// the printer was set to.
    static let start = EscposCommands.initialize + EscposCommands.asciiCodePage + EscposCommands.usaCharacterSet

    /// The drawing a block needs: a field's value sits on the right, as when it is
    /// printed below its label as text.
    static func drawing(for block: PrintBlock) -> Drawing? {
        switch block {
        case .rule:
            return nil
        case .text(let text, let style, let alignment):
            return isPrintable(text) ? nil : Drawing(text: text, style: style, alignment: alignment)
        case .field(_, let value, let style, _):
            return isPrintable(value) ? nil : Drawing(text: value, style: style, alignment: .right)
        }
    }

    /// Printable ASCII, the one range every printer prints as itself on code page 437.
    static func isPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// Lines and images, with bold and height switched only where they change.
    private struct Writer {
        var bytes: [UInt8] = []
        var current = PrintStyle.plain

        mutating func line(_ line: PrintLine) {
            style(line.style)
            // A label or stand-in with a letter the printer lacks prints `?` there.
            bytes += line.text.unicodeScalars.map { (0x20...0x7E).contains($0.value) ? UInt8($0.value) : UInt8(ascii: "?") }
            bytes += EscposCommands.lineFeed
        }

        mutating func image(_ image: RasterImage) {
            bytes += image.escposBytes()
        }

        mutating func style(_ style: PrintStyle) {
            let bold = style != .plain
            let tall = style == .headline
            if bold != (current != .plain) { bytes += EscposCommands.bold(bold) }
            if tall != (current == .headline) { bytes += EscposCommands.doubleHeight(tall) }
            current = style
        }
    }
}
