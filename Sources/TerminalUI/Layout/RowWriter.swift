import ConsoleCore

/// The rows and columns between the chrome.
struct BodyArea {
    let x = 2
    let top: Int
    let bottom: Int
    let width: Int

    /// `statusRows`: rows the status message takes above the footer.
    init(size: TerminalSize, statusRows: Int) {
        top = Chrome.topRows + 1
        bottom = size.height - 1 - max(1, statusRows) - 1
        width = size.width - 4
    }

    var rows: Int { bottom - top + 1 }
}

/// Writes lines downwards from the top of the body, never past its bottom, so each
/// view writes top to bottom and stops at the bottom edge.
struct RowWriter {
    let body: BodyArea
    private(set) var y: Int

    init(_ body: BodyArea) {
        self.body = body
        y = body.top
    }

    var remaining: Int { max(0, body.bottom - y + 1) }

    /// One line, cut with … when it does not fit.
    mutating func line(_ text: String, style: Style = .plain, indent: Int = 0, into buffer: inout ScreenBuffer) {
        guard remaining > 0 else { return }
        buffer.write(truncated(text, toColumns: body.width - indent), x: body.x + indent, y: y, style: style)
        y += 1
    }

    /// Wrapped text, at most `maxLines` rows (the last one cut with …).
    mutating func paragraph(_ text: String, style: Style = .plain, indent: Int = 0, maxLines: Int = .max, into buffer: inout ScreenBuffer) {
        let lines = Self.cut(wrapped(text, toColumns: body.width - indent), to: min(maxLines, remaining), width: body.width - indent)
        for line in lines { self.line(line, style: style, indent: indent, into: &buffer) }
    }

    /// Paragraphs sharing the rows left: each whole when they all fit, else the least
    /// important shortened first (never below its `minLines`), each cut line ending in ….
    mutating func paragraphs(_ blocks: [Block], into buffer: inout ScreenBuffer) {
        let width = body.width
        var lines = blocks.map { wrapped($0.text, toColumns: width - $0.indent) }
        var shown = lines.map(\.count)
        var excess = shown.reduce(0, +) - remaining
        // Shorten in order of importance, least first; ties from the bottom of the screen up.
        let order = blocks.indices.sorted { (blocks[$0].importance, -$0) < (blocks[$1].importance, -$1) }
        for index in order where excess > 0 {
            let cut = min(excess, max(0, shown[index] - blocks[index].minLines))
            shown[index] -= cut
            excess -= cut
        }
        for index in blocks.indices {
            lines[index] = Self.cut(lines[index], to: shown[index], width: width - blocks[index].indent)
            for line in lines[index] { self.line(line, style: blocks[index].style, indent: blocks[index].indent, into: &buffer) }
        }
    }

    /// One paragraph of `paragraphs`.
    struct Block {
        let text: String
        var style: Style = .plain
        var indent = 0
        /// Higher is kept longer when rows run short.
        var importance: Int
        /// Never shortened below this (0: may be left out).
        var minLines = 1
    }

    /// `lines` cut to `count`, the last one kept marked with … when some were dropped.
    private static func cut(_ lines: [String], to count: Int, width: Int) -> [String] {
        guard lines.count > count else { return lines }
        guard count > 0 else { return [] }
        var kept = Array(lines.prefix(count))
        kept[count - 1] = truncated(kept[count - 1] + " …", toColumns: width)
        return kept
    }

    /// `label   value`: the label faint, the value from `labelWidth` columns on.
    mutating func field(
        _ label: String, _ value: String, labelWidth: Int, indent: Int = 0, style: Style = .plain, into buffer: inout ScreenBuffer
    ) {
        guard remaining > 0 else { return }
        buffer.write(label, x: body.x + indent, y: y, style: .faint)
        buffer.write(value, x: body.x + indent + labelWidth, y: y, style: style, maxWidth: body.width - indent - labelWidth)
        y += 1
    }

    /// `label   value` where a value too wide for its column goes on, wrapped, on the
    /// next rows under itself: dates in both calendars are never cut.
    mutating func wrappedField(
        _ label: String, _ value: String, labelWidth: Int, style: Style = .plain, into buffer: inout ScreenBuffer
    ) {
        guard remaining > 0 else { return }
        buffer.write(label, x: body.x, y: y, style: .faint)
        let lines = wrapped(value, toColumns: body.width - labelWidth)
        for line in lines {
            guard remaining > 0 else { return }
            buffer.write(line, x: body.x + labelWidth, y: y, style: style)
            y += 1
        }
    }

    mutating func skip(_ rows: Int = 1) {
        y += rows
    }

    mutating func advance(to row: Int) {
        y = max(y, row)
    }
}
