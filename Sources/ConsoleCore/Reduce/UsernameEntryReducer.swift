import ArrownetDomain

/// Editing the username, recent usernames, and starting a lookup.
enum UsernameEntryReducer {
    static func perform(_ intent: Intent, state: inout ConsoleState) -> [ConsoleEffect] {
        guard case .usernameEntry(var entry) = state.screen else { return [] }
        var effects: [ConsoleEffect] = []
        switch intent {
        case .lookUp:
            switch entry.validated() {
            case .success(let username):
                let fetchID = FetchID(state.nextFetchID)
                state.nextFetchID += 1
                state.screen = .loading(
                    LoadingScreen(username: username, fetchID: fetchID, startedAt: state.now ?? .distantPast, entry: entry)
                )
                return [.fetchAccount(username, fetchID)]
            case .failure(let problem):
                entry.problem = problem.description
            }
        case .cursorLeft: entry.moveCursor(to: entry.cursor - 1)
        case .cursorRight: entry.moveCursor(to: entry.cursor + 1)
        case .cursorToStart: entry.moveCursor(to: 0)
        case .cursorToEnd: entry.moveCursor(to: entry.text.count)
        case .deleteBackward: entry.deleteBackward()
        case .deleteForward: entry.deleteForward()
        case .clearUsername: entry = UsernameEntryScreen()
        case .olderRecentUsername:
            let next = (entry.recentIndex ?? -1) + 1
            if state.recentUsernames.indices.contains(next) {
                entry.replaceText(with: state.recentUsernames[next].value)
                entry.recentIndex = next
            }
        case .newerRecentUsername:
            if let current = entry.recentIndex {
                if current == 0 {
                    entry = UsernameEntryScreen()
                } else {
                    entry.replaceText(with: state.recentUsernames[current - 1].value)
                    entry.recentIndex = current - 1
                }
            }
        case .reprintLastReceipt:
            if let receipt = state.lastReceipt {
                state.statusMessage = "Printing the last receipt again (\(receipt.number))."
                effects = [.printReceipt(receipt.reprint())]
            }
        default:
            break
        }
        state.screen = .usernameEntry(entry)
        return effects
    }

    /// Puts a looked-up username first in the recent list.
    static func remember(_ username: Username, state: inout ConsoleState) {
        var recent = state.recentUsernames.filter { $0.value.lowercased() != username.value.lowercased() }
        recent.insert(username, at: 0)
        state.recentUsernames = Array(recent.prefix(ConsoleState.recentLimit))
    }
}
