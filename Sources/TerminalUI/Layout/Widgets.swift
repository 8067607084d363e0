import ConsoleCore

/// Small drawing pieces the screens share. Each writes into a buffer at a place and
/// returns what the caller needs to continue (rows used, cursor column).
enum Widgets {
    /// A one-line text field: `[ text      ]`, scrolled so the cursor stays visible; a
    /// selected text is drawn reversed. Returns the cursor's screen column.
    @discardableResult
    static func textField(
        _ text: String, cursorColumn: Int, isSelected: Bool = false, x: Int, y: Int, width: Int, into buffer: inout ScreenBuffer
    ) -> Int {
        let inner = max(1, width - 2)
        buffer.write("[", x: x, y: y, style: .strong)
        buffer.fill(y: y, x: x + 1, width: inner, style: Style(underline: true))
        // Scroll by whole graphemes until the cursor fits inside the field.
        var shown = text
        var scrolled = 0
        while displayWidth(shown) > 0, cursorColumn - scrolled > inner - 1, let first = shown.first {
            scrolled += displayWidth(first)
            shown.removeFirst()
        }
        buffer.write(prefix(of: shown, fittingIn: inner), x: x + 1, y: y, style: isSelected ? .selected : Style(underline: true))
        buffer.write("]", x: x + 1 + inner, y: y, style: .strong)
        return x + 1 + cursorColumn - scrolled
    }

    /// A table with columns sized to their widest cell; `rightAligned` columns line up
    /// digits. The selected row is drawn reversed. Returns rows used.
    @discardableResult
    static func table(
        header: [String], rows: [[String]], rightAligned: Set<Int>, selected: Int?, x: Int, y: Int,
        into buffer: inout ScreenBuffer, maxRows: Int, rowStyles: [Style]? = nil
    ) -> Int {
        let lines = alignedColumns([header] + rows, rightAligned: rightAligned, gap: 3)
        let tableWidth = lines.map { displayWidth($0) }.max() ?? 0
        guard maxRows > 0 else { return 0 }
        // A two-column gutter marks the selected row with ">" as well as reverse video,
        // so the selection shows without colour or attributes too.
        buffer.write(lines[0], x: x + 2, y: y, style: .faint)
        var used = 1
        for (index, row) in lines.dropFirst().enumerated() {
            guard used < maxRows else { break }
            let isSelected = index == selected
            let style = isSelected ? Style.highlight : (rowStyles?[index] ?? .plain)
            if isSelected { buffer.fill(y: y + used, x: x, width: tableWidth + 2, style: .highlight) }
            buffer.write((isSelected ? "> " : "  ") + row, x: x, y: y + used, style: style)
            used += 1
        }
        return used
    }

    /// A spinner frame for `tick` (one per second of elapsed time): ASCII, so it draws
    /// the same on every terminal.
    static func spinner(_ tick: Int) -> String {
        ["|", "/", "-", "\\"][abs(tick) % 4]
    }
}
