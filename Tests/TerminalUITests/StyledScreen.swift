import SnapshotTesting
import TerminalUI

/// A screen as golden text in two layers, like ratatui's buffer tests: the text the
/// clerk reads, then one mark per cell for how it is drawn. The marks name what a
/// style means to the clerk (reversed red is the LIVE banner and NOT PAID; `>` is the
/// selected row), so a golden fails when a banner, a headline or a selection loses its
/// look, not only when its words change. Plain cells are blank; a style no mark names
/// shows as `?`, which a reviewer sees and names here.
enum StyledScreen {
    static let marks: [(style: Style, mark: Character, meaning: String)] = [
        (Style(foreground: .red, bold: true, reverse: true), "R", "red, bold, reversed: LIVE banner, NOT PAID / NOT SENT headline"),
        (Style(foreground: .yellow, bold: true, reverse: true), "Y", "yellow, bold, reversed: SANDBOX / UAT banner, HELD headline, held count"),
        (Style(foreground: .green, bold: true, reverse: true), "G", "green, bold, reversed: PAID headline"),
        (.title, "=", "bold, reversed: header bar"),
        (.highlight, ">", "reversed: selected row, footer keys"),
        (.selected, "S", "reversed, underlined: selected text (typing replaces it)"),
        (Style(underline: true), "_", "underlined: text field"),
        (Style(bold: true, underline: true), "T", "bold, underlined: screen title"),
        (.strong, "b", "bold"),
        (.faint, "f", "dim"),
        (.warning, "y", "yellow, bold: warning"),
        (.bad, "r", "red, bold: refusal or failure"),
        (.good, "g", "green, bold"),
        (.info, "c", "cyan: information"),
    ]

    static func mark(for style: Style) -> Character {
        if style == .plain { return " " }
        return marks.first { $0.style == style }?.mark ?? "?"
    }

    /// The text rows, then the style rows under a rule, then the marks used.
    static func text(of buffer: ScreenBuffer) -> String {
        let styleRows = (0..<buffer.size.height).map { row in
            var line = String((0..<buffer.size.width).map { mark(for: buffer[$0, row].style) })
            while line.last == " " { line.removeLast() }
            return line
        }
        let used = Set(styleRows.joined())
        let legend = marks.filter { used.contains($0.mark) }.map { "\($0.mark) \($0.meaning)" }
            + (used.contains("?") ? ["? a style no mark names"] : [])
        return (buffer.lines + ["── styles " + String(repeating: "─", count: max(0, buffer.size.width - 10))] + styleRows + legend)
            .joined(separator: "\n")
    }
}

extension Snapshotting where Value == ScreenBuffer, Format == String {
    /// Text and styles (see `StyledScreen`).
    static var styledScreen: Snapshotting {
        Snapshotting<String, String>.lines.pullback(StyledScreen.text(of:))
    }
}
