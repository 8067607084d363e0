/// Opening the cash drawer by hand (`drawer = kick`): the clerk says why, and the
/// opening is noted in the shift with those words.
public struct DrawerScreen: Hashable, Sendable {
    public var reason: EditableText
    /// Why Enter did not open it (no reason given).
    public var problem: String?
    /// Why the drawer did not open (the printer).
    public var error: ConsoleError?
    public var isOpening: Bool
    /// The username screen as it was, for Esc and after the drawer opened.
    public let back: UsernameEntryScreen

    public static let reasonLimit = 60

    public init(back: UsernameEntryScreen = UsernameEntryScreen()) {
        reason = EditableText(limit: Self.reasonLimit)
        problem = nil
        error = nil
        isOpening = false
        self.back = back
    }
}

extension DrawerScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .drawer(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .drawer(self) }
}
