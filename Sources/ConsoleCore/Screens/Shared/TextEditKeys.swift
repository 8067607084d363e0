/// Editing a one-line field, the same on every screen that has one (the shift-open,
/// shift-close and drawer screens).
public enum TextEditIntent: Hashable, Sendable {
    /// Any character no binding takes (see `KeyMap.intent`).
    case type
    case cursorLeft
    case cursorRight
    case cursorToStart
    case cursorToEnd
    case deleteBackward
    case deleteForward
    case clear
}

enum TextEditKeys {
    /// The typing binding has no keys: it takes the characters no other binding takes.
    static func typing(_ intent: Intent, label: String, hint: String) -> KeyBinding {
        KeyBinding([], intent, label: label, hint: hint, inFooter: false)
    }

    /// The editing keys every field has, after the screen's own, in help only. Esc
    /// clears the field too where the screen has no way back (`escapeClears`).
    static func editing(escapeClears: Bool = false, _ wrap: (TextEditIntent) -> Intent) -> [KeyBinding] {
        [
            KeyBinding(
                escapeClears ? [.escape, .control("u")] : [.control("u")], wrap(.clear),
                label: escapeClears ? "Esc/Ctrl-U" : "Ctrl-U", hint: "clear the field", inFooter: false),
            KeyBinding([.left, .control("b")], wrap(.cursorLeft), hint: "cursor left", inFooter: false),
            KeyBinding([.right, .control("f")], wrap(.cursorRight), hint: "cursor right", inFooter: false),
            KeyBinding([.home, .control("a")], wrap(.cursorToStart), hint: "cursor to start", inFooter: false),
            KeyBinding([.end, .control("e")], wrap(.cursorToEnd), hint: "cursor to end", inFooter: false),
            KeyBinding([.backspace, .control("h")], wrap(.deleteBackward), hint: "delete before the cursor", inFooter: false),
            KeyBinding([.delete, .control("d")], wrap(.deleteForward), hint: "delete at the cursor", inFooter: false),
        ]
    }

    /// Carries out an edit on `field`; false when a typed character did not fit (a
    /// control character, or the field is full).
    @discardableResult
    static func apply(_ intent: TextEditIntent, key: Key, to field: inout EditableText) -> Bool {
        switch intent {
        case .type:
            guard case .character(let character) = key else { return true }
            return field.insert(character)
        case .cursorLeft: field.moveCursor(by: -1)
        case .cursorRight: field.moveCursor(by: 1)
        case .cursorToStart: field.moveCursor(to: 0)
        case .cursorToEnd: field.moveCursorToEnd()
        case .deleteBackward: field.deleteBackward()
        case .deleteForward: field.deleteForward()
        case .clear: field.removeAll()
        }
        return true
    }
}
