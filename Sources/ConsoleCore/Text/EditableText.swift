import Foundation

/// A one-line text the clerk edits: a name, an amount, a reason. What a field may hold
/// is checked when it is used (an amount by `Money(typed:)`), except its length and
/// control characters, which never get in.
///
/// A field may start selected (a name prefilled from the config): the first character
/// typed replaces it, Backspace or Del clear it, a cursor key keeps it to edit.
public struct EditableText: Hashable, Sendable {
    public private(set) var text: String
    /// Insertion point, in characters from the start (0...text.count).
    public private(set) var cursor: Int
    public private(set) var isSelected: Bool
    /// At most this many characters.
    public let limit: Int

    public init(_ text: String = "", limit: Int, selected: Bool = false) {
        self.text = String(text.prefix(limit))
        self.limit = limit
        cursor = self.text.count
        isSelected = selected && !self.text.isEmpty
    }

    /// Where the terminal cursor goes, in columns from the field's start.
    public var cursorColumn: Int { displayWidth(text.prefix(cursor)) }

    /// The text without the spaces around it.
    public var trimmed: String { text.trimmingCharacters(in: .whitespaces) }

    public var isBlank: Bool { trimmed.isEmpty }

    /// Inserts at the cursor (over a selection); false, changing nothing, for a control
    /// character or when the field is full.
    @discardableResult
    public mutating func insert(_ character: Character) -> Bool {
        guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return false }
        if isSelected { removeAll() }
        guard text.count < limit else { return false }
        text.insert(character, at: index(cursor))
        cursor += 1
        return true
    }

    public mutating func deleteBackward() {
        if isSelected { return removeAll() }
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    public mutating func deleteForward() {
        if isSelected { return removeAll() }
        guard cursor < text.count else { return }
        text.remove(at: index(cursor))
    }

    /// Left and Right on a selection keep the text, with the cursor at its start or end.
    public mutating func moveCursor(by step: Int) {
        if isSelected {
            isSelected = false
            cursor = step < 0 ? 0 : text.count
            return
        }
        moveCursor(to: cursor + step)
    }

    public mutating func moveCursor(to position: Int) {
        isSelected = false
        cursor = min(max(position, 0), text.count)
    }

    public mutating func moveCursorToEnd() {
        moveCursor(to: text.count)
    }

    public mutating func removeAll() {
        text = ""
        cursor = 0
        isSelected = false
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}
