import ArrownetDomain

/// The first screen: the clerk types the customer's username.
public struct UsernameEntryScreen: Hashable, Sendable {
    public var text: String
    /// Insertion point, in characters from the start (0...text.count).
    public var cursor: Int
    /// Why the last key or submit was refused, in the clerk's words.
    public var problem: String?
    /// The last lookup that failed (unknown customer, token refused, Khalti down).
    public var lookupError: ConsoleError?
    /// Which recent username Up/Down is showing (0 = newest); nil while typing.
    public var recentIndex: Int?

    public init(text: String = "", cursor: Int? = nil, problem: String? = nil, lookupError: ConsoleError? = nil) {
        self.text = text
        self.cursor = cursor ?? text.count
        self.problem = problem
        self.lookupError = lookupError
        recentIndex = nil
    }

    /// Where the terminal cursor goes, in columns from the field's start.
    public var cursorColumn: Int { displayWidth(text.prefix(cursor)) }

    /// Inserts at the cursor when the character may be in a username, else says why not.
    mutating func insert(_ character: Character) {
        clearMessages()
        guard Username.isAllowed(character) else {
            problem = UsernameError.invalidCharacter(character).description
            return
        }
        guard text.count < Username.maximumLength else {
            problem = "A username has at most \(Username.maximumLength) characters."
            return
        }
        text.insert(character, at: index(cursor))
        cursor += 1
    }

    mutating func deleteBackward() {
        clearMessages()
        guard cursor > 0 else { return }
        text.remove(at: index(cursor - 1))
        cursor -= 1
    }

    mutating func deleteForward() {
        clearMessages()
        guard cursor < text.count else { return }
        text.remove(at: index(cursor))
    }

    mutating func moveCursor(to position: Int) {
        cursor = min(max(position, 0), text.count)
    }

    mutating func replaceText(with newText: String) {
        clearMessages()
        text = newText
        cursor = newText.count
    }

    /// The username to look up, or the reason there is none yet.
    func validated() -> Result<Username, UsernameError> {
        Result { () throws(UsernameError) in try Username(text) }
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
