import Foundation

/// Waiting for the account: Esc, the seconds passing, and the answer arriving.
enum LoadingReducer {
    static func reduce(_ loading: inout LoadingScreen, _ intent: LoadingIntent) -> ScreenStep {
        switch intent {
        case .cancel:
            .go(to: .usernameEntry(loading.entry), .cancelFetch(loading.fetchID))
        }
    }

    static func loaded(
        _ fetchID: FetchID, _ result: Result<AccountLookup, ConsoleError>, state: inout ConsoleState
    ) -> [ConsoleEffect] {
        let effects = state.update(LoadingScreen.self) { loading, console in
            // The answer to a lookup the clerk left (Esc) or replaced is dropped here,
            // whatever the runtime managed to cancel.
            guard loading.fetchID == fetchID else { return .stay() }
            switch result {
            case .success(let lookup):
                UsernameEntryReducer.remember(loading.username, console: &console)
                return .go(to: .account(AccountScreen(
                    lookup: lookup, lookedUpAt: loading.startedAt, calendar: console.calendar, bsCalendar: console.bsCalendar,
                    entry: loading.entry)))
            case .failure(let error):
                var entry = loading.entry
                entry.lookupError = error
                return .go(to: .usernameEntry(entry))
            }
        }
        // Not loading any more: the clerk left before the answer came; it is dropped.
        return effects ?? []
    }

    static func advance(_ loading: inout LoadingScreen, to time: Date) {
        loading.elapsedSeconds = wholeSeconds(from: loading.startedAt, to: time)
    }
}

/// Whole seconds from `start` to `end`, never negative: what waiting screens show.
func wholeSeconds(from start: Date, to end: Date) -> Int {
    max(0, Int(end.timeIntervalSince(start).rounded(.down)))
}
