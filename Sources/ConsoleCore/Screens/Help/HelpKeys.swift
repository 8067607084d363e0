/// Help's own keys: close it, or quit as the screen underneath would.
enum HelpKeys {
    static let close = KeyBinding([.escape, .function(1)], .help(.close), label: "Esc", hint: "close help")

    /// `underneath` is the key map of the screen under help, which help lists.
    static func bindings(over underneath: [KeyBinding]) -> [KeyBinding] {
        [close] + underneath.filter { $0.intent == .console(.quit) }.map {
            KeyBinding($0.keys, $0.intent, label: $0.label, hint: $0.hint, inFooter: false)
        }
    }
}
