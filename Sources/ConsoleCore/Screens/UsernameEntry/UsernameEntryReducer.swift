import ArrownetDomain
import Foundation

/// Editing the username, recent usernames, the last receipt, and starting a lookup.
enum UsernameEntryReducer {
    static func reduce(
        _ entry: inout UsernameEntryScreen, _ intent: UsernameEntryIntent, key: Key, at time: Date, console: inout ConsoleState
    ) -> ScreenStep {
        switch intent {
        case .type:
            if case .character(let character) = key { entry.insert(character) }
        case .lookUp:
            switch entry.validated() {
            case .success(let username):
                let fetchID = FetchID(console.nextFetchID)
                console.nextFetchID += 1
                var typed = entry
                typed.isSelected = false
                return .go(
                    to: .loading(LoadingScreen(username: username, fetchID: fetchID, startedAt: time, entry: typed)),
                    .fetchAccount(username, fetchID))
            case .failure(let problem):
                entry.problem = problem.description
            }
        case .cursorLeft: entry.moveCursor(by: -1)
        case .cursorRight: entry.moveCursor(by: 1)
        case .cursorToStart: entry.moveCursor(to: 0)
        case .cursorToEnd: entry.moveCursor(to: entry.text.count)
        case .deleteBackward: entry.deleteBackward()
        case .deleteForward: entry.deleteForward()
        case .clear: entry = UsernameEntryScreen()
        case .olderRecentUsername:
            let next = (entry.recentIndex ?? -1) + 1
            if console.recentUsernames.indices.contains(next) {
                entry.replaceText(with: console.recentUsernames[next].value)
                entry.recentIndex = next
            }
        case .newerRecentUsername:
            if let current = entry.recentIndex {
                if current == 0 {
                    entry = UsernameEntryScreen()
                } else {
                    entry.replaceText(with: console.recentUsernames[current - 1].value)
                    entry.recentIndex = current - 1
                }
            }
        case .reprintLastReceipt:
            if let receipt = console.lastReceipt {
                console.statusMessage = "Printing the last receipt again (\(receipt.number))."
                return .stay(.printReceipt(receipt.reprint()))
            }
        }
        return .stay()
    }

    /// Puts a looked-up username first in the recent list.
    static func remember(_ username: Username, console: inout ConsoleState) {
        var recent = console.recentUsernames.filter { $0.value.lowercased() != username.value.lowercased() }
        recent.insert(username, at: 0)
        console.recentUsernames = Array(recent.prefix(ConsoleState.recentLimit))
    }
}
