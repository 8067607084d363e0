/// `text` broken into lines of at most `columns` display columns, at spaces where
/// possible and inside a word only when the word alone is too wide.
public func wrapped(_ text: String, toColumns columns: Int) -> [String] {
    guard columns > 0 else { return [] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
        let candidate = line.isEmpty ? word : line + " " + word
        if displayWidth(candidate) <= columns {
            line = candidate
            continue
        }
        if !line.isEmpty { lines.append(line) }
        line = ""
        var rest = word
        while displayWidth(rest) > columns {
            let head = prefix(of: rest, fittingIn: columns)
            // A single grapheme wider than the line still has to go somewhere.
            let taken = head.isEmpty ? String(rest.prefix(1)) : head
            lines.append(taken)
            rest.removeFirst(taken.count)
        }
        line = rest
    }
    if !line.isEmpty { lines.append(line) }
    return lines
}
