import ConsoleCore

/// One terminal cell: a grapheme and its style. A wide grapheme fills its cell and
/// leaves the next one as a continuation (empty text), as terminals draw it.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
    static let continuation = Cell(text: "", style: .plain)

    public var isContinuation: Bool { text.isEmpty }
}

public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A screen's worth of cells. Screens render into it; tests read its lines; the
/// curses backend copies it to the terminal. All placement is by display width.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: TerminalSize
    public private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a text field's insertion point); nil hides it.
    public var cursor: Point?

    public init(size: TerminalSize) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.width + x]
    }

    /// Writes `text` at (x, y), cut at `maxWidth` columns (default: to the right
    /// edge), never splitting a grapheme or leaving half a wide one. Returns the
    /// columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height, x >= 0, x < size.width else { return 0 }
        let limit = min(maxWidth ?? size.width - x, size.width - x)
        var column = x
        for character in text {
            // A tab or newline in server text must not break the layout.
            let shown: Character = character.isNewline || character == "\t" ? " " : character
            let width = displayWidth(shown)
            if width == 0 {
                // A lone combining mark or control: nothing to place.
                continue
            }
            if column + width > x + limit { break }
            clearWide(at: column, y: y)
            cells[y * size.width + column] = Cell(text: String(shown), style: style)
            if width == 2 {
                clearWide(at: column + 1, y: y)
                cells[y * size.width + column + 1] = Cell(text: "", style: style)
            }
            column += width
        }
        return column - x
    }

    /// Writes `text` so that it ends at column `right` (exclusive).
    @discardableResult
    public mutating func writeRightAligned(_ text: String, right: Int, y: Int, style: Style = .plain) -> Int {
        let width = min(displayWidth(text), right)
        return write(text, x: right - width, y: y, style: style, maxWidth: width)
    }

    /// Paints a row's cells in `style` from x for `width` columns (a bar, a highlight).
    public mutating func fill(y: Int, x: Int = 0, width: Int? = nil, style: Style) {
        guard y >= 0, y < size.height else { return }
        let end = min(size.width, x + (width ?? size.width - x))
        guard x < end else { return }
        for column in max(0, x)..<end {
            var cell = cells[y * size.width + column]
            cell.style = style
            cells[y * size.width + column] = cell
        }
    }

    /// Overwriting half of a wide grapheme blanks its other half, as a terminal would.
    private mutating func clearWide(at column: Int, y: Int) {
        guard column < size.width else { return }
        let index = y * size.width + column
        if cells[index].isContinuation, column > 0 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style)
        } else if column + 1 < size.width, cells[index + 1].isContinuation, displayWidth(cells[index].text) == 2 {
            cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
        }
        cells[index] = .blank
    }

    /// The text of each row, trailing spaces removed: what golden tests compare.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                line += self[column, row].text
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
