/// One line of a screen's key map: the keys, what they do, and how help and the
/// footer name them.
public struct KeyBinding: Hashable, Sendable {
    public let keys: [Key]
    public let intent: Intent
    /// How the keys are written for the clerk: "Enter", "1 3 6 2", "Up/Down".
    public let label: String
    /// What they do, a few words: "look up", "choose 1, 3, 6 or 12 months".
    public let hint: String
    /// Whether the key-hint footer shows it (help always does).
    public let inFooter: Bool

    public init(_ keys: [Key], _ intent: Intent, label: String? = nil, hint: String, inFooter: Bool = true) {
        self.keys = keys
        self.intent = intent
        self.label = label ?? keys.map(\.label).joined(separator: "/")
        self.hint = hint
        self.inFooter = inFooter
    }
}

/// A footer entry: `Enter look up`.
public struct KeyHint: Hashable, Sendable {
    public let label: String
    public let hint: String

    public init(label: String, hint: String) {
        self.label = label
        self.hint = hint
    }
}
