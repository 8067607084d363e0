import ArrownetDomain

/// The first screen: the clerk types the customer's username.
public struct UsernameEntryScreen: Hashable, Sendable {
    public var text: String
    /// Insertion point, in characters from the start (0...text.count).
    public var cursor: Int
    /// The whole text is selected: the next character typed replaces it, Backspace or
    /// Del clears it, a cursor key keeps it. Set when the clerk comes back from a
    /// customer's account, so the next username is not appended to the last one.
    public var isSelected: Bool
    /// Why the last key or submit was refused, in the clerk's words.
    public var problem: String?
    /// The last lookup that failed (unknown customer, token refused, Khalti down).
    public var lookupError: ConsoleError?
    /// Which recent username Up/Down is showing (0 = newest); nil while typing.
    public var recentIndex: Int?

    public init(
        text: String = "", cursor: Int? = nil, isSelected: Bool = false, problem: String? = nil,
        lookupError: ConsoleError? = nil
    ) {
        self.text = text
        self.cursor = cursor ?? text.count
        self.isSelected = isSelected && !text.isEmpty
        self.problem = problem
        self.lookupError = lookupError
        recentIndex = nil
    }

    /// Where the terminal cursor goes, in columns from the field's start.
    public var cursorColumn: Int { displayWidth(text.prefix(cursor)) }

    /// The same text, all of it selected, the cursor at its end.
    func selectingAll() -> UsernameEntryScreen {
        UsernameEntryScreen(text: text, isSelected: true)
    }

    /// Inserts at the cursor (over the selection) when the character may be in a
    /// username, else says why not and changes nothing.
    mutating func insert(_ character: Character) {
        clearMessages()
        guard Username.isAllowed(character) else {
            problem = UsernameError.invalidCharacter(character).description
            return
        }
        if isSelected { removeAll() }
        guard text.count < Username.maximumLength else {
            problem = "A username has at most \(Username.maximumLength) characters."
            return
        }
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    mutating func deleteBackward() {
        clearMessages()
        if isSelected { return removeAll() }
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    mutating func deleteForward() {
        clearMessages()
        if isSelected { return removeAll() }
        guard cursor < text.count else { return }
        text.remove(at: index(cursor))
    }

    /// Left and Right on a selection keep the text, with the cursor at its start or end.
    mutating func moveCursor(by step: Int) {
        if isSelected {
            isSelected = false
            cursor = step < 0 ? 0 : text.count
            return
        }
        moveCursor(to: cursor + step)
    }

    mutating func moveCursor(to position: Int) {
        isSelected = false
        cursor = min(max(position, 0), text.count)
    }

    mutating func replaceText(with newText: String) {
        clearMessages()
        isSelected = false
        text = newText
        cursor = newText.count
    }

    /// The username to look up, or the reason there is none yet.
    func validated() -> Result<Username, UsernameError> {
        Result { () throws(UsernameError) in try Username(text) }
    }

    private mutating func removeAll() {
        text = ""
        cursor = 0
        isSelected = false
    }

    private mutating func clearMessages() {
        problem = nil
        lookupError = nil
        recentIndex = nil
    }

    private func index(_ offset: Int) -> String.Index {
        text.index(text.startIndex, offsetBy: offset)
    }
}

extension UsernameEntryScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .usernameEntry(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .usernameEntry(self) }
}
