import ArrownetDomain

/// Something to print on a receipt printer: a receipt today, a shift report later.
///
/// Pure and printer-neutral. `lines` is the document as 42-column text (what the
/// receipt files and the print command get); an ESC/POS printer reads the blocks
/// themselves, to make titles bold and tall and to draw what it cannot print as text.
public struct PrintDocument: Hashable, Sendable {
    /// Columns on 80 mm paper in the printer's standard font (12 dots a column).
    public static let width = 42

    /// Each block's texts one safe line (`PrintBlock.safe`), however the document was
    /// built: a shift report's operator, reasons and note come from the journal, which
    /// another program may have written. `Receipt` has cleaned its fields already.
    public var blocks: [PrintBlock] {
        didSet { blocks = blocks.map(\.safe) }
    }

    public init(_ blocks: [PrintBlock] = []) {
        self.blocks = blocks.map(\.safe)
    }

    /// Every block laid out: none wider than `width` columns, none ending in a space.
    public var lines: [PrintLine] {
        blocks.flatMap { $0.lines(width: Self.width) }
    }

    /// The lines joined, ending in a newline: the plain text of the document.
    public var text: String {
        lines.map(\.text).joined(separator: "\n") + "\n"
    }
}

/// How a line is printed where the printer can tell (ESC/POS); plain text has none.
public enum PrintStyle: Hashable, Sendable {
    case plain
    case bold
    /// Bold and double height: the same 42 columns, twice as tall.
    case headline
}

public enum PrintAlignment: Hashable, Sendable {
    case left
    case center
    case right
}

public enum PrintRule: Hashable, Sendable {
    /// `-----`, between sections.
    case light
    /// `=====`, at the top and bottom.
    case heavy

    var character: Character { self == .light ? "-" : "=" }
}

/// One laid-out line of a document.
public struct PrintLine: Hashable, Sendable {
    /// At most `PrintDocument.width` columns, no trailing spaces.
    public let text: String
    public let style: PrintStyle

    public init(_ text: String, style: PrintStyle = .plain) {
        self.text = text
        self.style = style
    }
}
