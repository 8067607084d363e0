/// Opening the cash drawer: by hand with a reason, to count the shift's cash, and the
/// printer's answer.
enum DrawerReducer {
    /// The username screen's drawer key.
    static func open(state: inout ConsoleState) -> [ConsoleEffect] {
        guard let entry = state.shown(UsernameEntryScreen.self) else { return [] }
        state.screen = .drawer(DrawerScreen(back: entry))
        return []
    }

    static func reduce(_ screen: inout DrawerScreen, _ intent: DrawerIntent, key: Key, console: ConsoleState) -> ScreenStep {
        guard !screen.isOpening else { return .stay() }
        switch intent {
        case .edit(let edit):
            screen.problem = nil
            screen.error = nil
            if !TextEditKeys.apply(edit, key: key, to: &screen.reason) {
                screen.problem = "A reason takes at most \(DrawerScreen.reasonLimit) characters."
            }
        case .open:
            guard !screen.reason.isBlank else {
                screen.problem = "Say why the drawer opens (change for a customer, cash given back, a drop to the safe): "
                    + "the shift report counts every opening."
                return .stay()
            }
            screen.problem = nil
            screen.error = nil
            screen.isOpening = true
            return .stay(.openDrawer(.clerk(screen.reason.trimmed), operatorName: console.header.operatorName))
        case .back:
            return .go(to: .usernameEntry(screen.back))
        }
        return .stay()
    }

    /// The printer's answer: back to the username screen once opened by hand; on the
    /// close screen, said there (the count goes on either way).
    static func opened(_ reason: DrawerReason, _ result: Result<String, ConsoleError>, state: inout ConsoleState) {
        switch reason {
        case .clerk(let words):
            let handled = state.update(DrawerScreen.self) { screen, _ in
                screen.isOpening = false
                switch result {
                case .success:
                    return .go(to: .usernameEntry(screen.back))
                case .failure(let error):
                    screen.error = error
                    return .stay()
                }
            }
            if handled != nil, case .failure = result { return }
            state.statusMessage = switch result {
            case .success(let note): note.prefix(1).uppercased() + note.dropFirst() + ": \(words)."
            case .failure(let error): "The drawer did not open: \(error.sentence)"
            }
        case .count:
            let shown = state.update(ShiftCloseScreen.self) { screen, _ in
                screen.drawer = switch result {
                case .success(let note): .opened(note)
                case .failure(let error): .failed(error)
                }
                return .stay()
            }
            if shown == nil, case .failure(let error) = result {
                state.statusMessage = "The drawer did not open for the count: \(error.sentence)"
            }
        }
    }
}
