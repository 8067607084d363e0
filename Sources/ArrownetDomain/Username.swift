/// An Arrownet login name as the clerk typed it, checked before anything is sent.
///
/// Allowed set: ASCII letters and digits, plus `.`, `_`, `-` and `@`, 1 to 50 characters.
/// Why: the protocol note limits fields to "50 alphanumeric characters unless a service
/// says otherwise", and ISP login names are routinely written with dots, underscores,
/// hyphens or an `@realm`. Refusing a real customer's name at the counter leaves them
/// unserved, while sending a name Khalti does not know costs nothing (it answers
/// "Username not found"), so the set is alphanumerics plus those four separators.
/// Spaces, control characters and everything else are refused with a reason.
public struct Username: Hashable, Sendable, CustomStringConvertible {
    public static let maximumLength = 50
    static let separators: Set<Character> = [".", "_", "-", "@"]

    public let value: String

    /// Trims surrounding white space (a pasted name often carries some), then checks the rest.
    public init(_ raw: String) throws(UsernameError) {
        let trimmed = raw.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .empty }
        guard trimmed.count <= Self.maximumLength else { throw .tooLong(length: trimmed.count) }
        if let bad = trimmed.first(where: { !Self.isAllowed($0) }) {
            throw .invalidCharacter(bad)
        }
        value = trimmed
    }

    public static func isAllowed(_ character: Character) -> Bool {
        (character.isASCII && (character.isLetter || character.isNumber)) || separators.contains(character)
    }

    public var description: String { value }
}

public enum UsernameError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(length: Int)
    case invalidCharacter(Character)

    public var description: String {
        switch self {
        case .empty:
            "Type the customer's Arrownet username."
        case .tooLong(let length):
            "A username has at most \(Username.maximumLength) characters; this one has \(length)."
        case .invalidCharacter(let character):
            "A username has only letters, digits and . _ - @; \(Self.name(of: character)) is not allowed."
        }
    }

    /// Names a character so that an invisible one (a space, a tab) is still readable.
    static func name(of character: Character) -> String {
        if character == " " { return "a space" }
        if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            let code = character.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? "?"
            return "a control character (U+\(code))"
        }
        if character.isWhitespace { return "white space" }
        return "\"\(character)\""
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension Username: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
