/// One key as the terminal backend decodes it. The backend turns raw bytes into
/// these once; everything above works with keys, never with escape sequences.
public enum Key: Hashable, Sendable {
    case character(Character)
    case enter
    case escape
    case tab
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// F1 ... F12.
    case function(Int)
    /// Ctrl with a letter, the letter in lower case: Ctrl-Q is `.control("q")`.
    case control(Character)
}

extension Key {
    /// How help and the footer name the key: `Enter`, `F5`, `Ctrl-Q`, `y`.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .control(let letter): "Ctrl-\(String(letter).uppercased())"
        }
    }
}
