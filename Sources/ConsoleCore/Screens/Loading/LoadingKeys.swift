/// What keys do while Khalti is asked for the account.
public enum LoadingIntent: Hashable, Sendable {
    /// Back to the username as typed; the lookup is cancelled and its answer dropped.
    case cancel
}

enum LoadingKeys {
    static let bindings: [KeyBinding] = [
        KeyBinding([.escape], .loading(.cancel), hint: "back"),
    ]
}
