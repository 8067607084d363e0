import ConsoleCore

/// How a cell is drawn. Colour is never the only signal: every state also has a word.
public struct Style: Hashable, Sendable {
    public enum Color: Hashable, Sendable, CaseIterable {
        case red, green, yellow, blue, magenta, cyan
    }

    public var foreground: Color?
    public var background: Color?
    public var bold: Bool
    public var reverse: Bool
    public var dim: Bool
    public var underline: Bool

    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.dim = dim
        self.underline = underline
    }

    public static let plain = Style()
    public static let strong = Style(bold: true)
    public static let faint = Style(dim: true)
    public static let highlight = Style(reverse: true)
    public static let title = Style(bold: true, reverse: true)
    public static let good = Style(foreground: .green, bold: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let bad = Style(foreground: .red, bold: true)
    public static let info = Style(foreground: .cyan)
    /// The environment banner: SANDBOX and UAT on yellow, LIVE on red, reversed so it
    /// cannot be missed even without colour.
    public static func environment(live: Bool) -> Style {
        Style(foreground: live ? .red : .yellow, bold: true, reverse: true)
    }

    /// A payment's headline (PAID, HELD, NOT PAID, NOT SENT): green, yellow or red, reversed.
    public static func headline(_ result: OutcomeScreen.Result) -> Style {
        switch result {
        case .paid: Style(foreground: .green, bold: true, reverse: true)
        case .held: Style(foreground: .yellow, bold: true, reverse: true)
        case .notPaid, .notTaken: Style(foreground: .red, bold: true, reverse: true)
        }
    }

    /// Text selected in a field: typing replaces it.
    public static let selected = Style(reverse: true, underline: true)
}
