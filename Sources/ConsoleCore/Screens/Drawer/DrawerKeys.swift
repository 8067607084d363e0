/// What keys do on the drawer screen.
public enum DrawerIntent: Hashable, Sendable {
    case edit(TextEditIntent)
    case open
    case back
}

enum DrawerKeys {
    static let bindings: [KeyBinding] = [
        TextEditKeys.typing(.drawer(.edit(.type)), label: "letters", hint: "type why the drawer opens"),
        KeyBinding([.enter], .drawer(.open), hint: "open the drawer"),
        KeyBinding([.escape], .drawer(.back), hint: "back"),
        ConsoleKeys.showHelp,
    ] + TextEditKeys.editing { .drawer(.edit($0)) }
}
