/// Rows of cells as lines of text, each column as wide as its widest cell, measured
/// in terminal columns (`displayWidth`), so a Devanagari or wide character keeps the
/// columns after it in line. `rightAligned` columns line up their digits. Columns are
/// `gap` spaces apart; the last column is padded too (callers trim when they print).
public func alignedColumns(_ rows: [[String]], rightAligned: Set<Int> = [], gap: Int = 3) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    let cells = rows.map { $0 + Array(repeating: "", count: columns - $0.count) }
    let widths = (0..<columns).map { column in cells.map { displayWidth($0[column]) }.max() ?? 0 }
    return cells.map { row in
        row.enumerated().map { column, cell in
            rightAligned.contains(column)
                ? String(repeating: " ", count: widths[column] - displayWidth(cell)) + cell
                : padded(cell, toColumns: widths[column])
        }.joined(separator: String(repeating: " ", count: gap))
    }
}
