/// A terminal's size in columns and rows.
public struct TerminalSize: Hashable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// Below this the screens cannot show a payment honestly (the plan table, the
    /// read-back), so a plain "enlarge the terminal" screen is drawn instead.
    public static let minimum = TerminalSize(width: 60, height: 16)

    /// Whether the console's screens fit (else the too-small screen is drawn).
    public var showsScreens: Bool { width >= Self.minimum.width && height >= Self.minimum.height }
}
