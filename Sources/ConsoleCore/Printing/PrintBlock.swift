import ArrownetDomain

/// A part of a document: what it says, not yet laid out, so that each printer
/// can lay it out in its own way (text columns, or a drawn image for a name the
/// printer has no letters for).
public enum PrintBlock: Hashable, Sendable {
    /// A rule across the paper.
    case rule(PrintRule)
    /// Free text, wrapped at spaces (a run of spaces counts as one), each line placed
    /// on the paper by `alignment`. Empty text is one empty line.
    case text(String, style: PrintStyle = .plain, alignment: PrintAlignment = .left)
    /// `Label        value` on one line when both fit, else the label on its own line
    /// and the value right-aligned below it, wrapped.
    ///
    /// `standIn` is printed in place of the value by a printer that can neither print
    /// the value as text nor draw it (an ESC/POS printer without a text shaper, for a
    /// Devanagari name): e.g. the username and "(name on screen)". Without one such a
    /// printer prints the value with `?` for what it cannot print.
    case field(label: String, value: String, style: PrintStyle = .plain, standIn: String? = nil)

    /// The block as text lines of at most `width` columns.
    public func lines(width: Int) -> [PrintLine] {
        switch self {
        case .rule(let rule):
            return [PrintLine(String(repeating: rule.character, count: width))]
        case .text(let text, let style, let alignment):
            let broken = text.isEmpty ? [""] : wrapped(text, toColumns: width)
            return broken.map { PrintLine(Self.aligned($0, alignment, in: width), style: style) }
        case .field(let label, let value, let style, _):
            return Self.field(label, value, width: width).map { PrintLine($0, style: style) }
        }
    }

    /// The block with every text one line of safe text (`OutsideText.line`): no control
    /// reaches a file, a print command or a printer, and a line break in a name cannot
    /// start a line of its own. Unchanged when already safe (every block the layouts
    /// build from clean values).
    public var safe: PrintBlock {
        switch self {
        case .rule:
            return self
        case .text(let text, let style, let alignment):
            return .text(OutsideText.line(text), style: style, alignment: alignment)
        case .field(let label, let value, let style, let standIn):
            return .field(
                label: OutsideText.line(label), value: OutsideText.line(value), style: style, standIn: standIn.map { OutsideText.line($0) })
        }
    }

    /// This block with a field's value replaced by its stand-in (other blocks as they are).
    public var withStandIn: PrintBlock {
        guard case .field(let label, _, let style, let standIn?) = self else { return self }
        return .field(label: label, value: standIn, style: style)
    }

    static func field(_ label: String, _ value: String, width: Int) -> [String] {
        if value.isEmpty { return [label] }
        let gap = width - displayWidth(label) - displayWidth(value)
        if gap >= 1 { return [label + String(repeating: " ", count: gap) + value] }
        return wrapped(label, toColumns: width) + wrapped(value, toColumns: width).map { rightAligned($0, in: width) }
    }

    static func aligned(_ text: String, _ alignment: PrintAlignment, in width: Int) -> String {
        switch alignment {
        case .left: text
        case .center: centered(text, in: width)
        case .right: rightAligned(text, in: width)
        }
    }

    static func centered(_ text: String, in width: Int) -> String {
        String(repeating: " ", count: max(0, width - displayWidth(text)) / 2) + text
    }

    static func rightAligned(_ text: String, in width: Int) -> String {
        String(repeating: " ", count: max(0, width - displayWidth(text))) + text
    }
}
