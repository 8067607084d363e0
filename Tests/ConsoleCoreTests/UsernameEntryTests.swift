import ArrownetDomain
import ConsoleCore
import Testing

@Suite("Username entry")
struct UsernameEntryTests {
    @Test("letters, digits and . _ - @ type at the cursor")
    func typing() {
        let store = TestStore(Fixtures.freshState())
        store.type("ram.b_1-x@isp")
        #expect(store.state.screen == .usernameEntry(UsernameEntryScreen(text: "ram.b_1-x@isp")))
    }

    @Test("a refused character is not inserted, and the message says which and why")
    func refusedCharacter() {
        let store = TestStore(Fixtures.freshState())
        store.type("ram")
        store.press(.character(" ")) {
            $0.screen = .usernameEntry(UsernameEntryScreen(
                text: "ram", problem: "A username has only letters, digits and . _ - @; a space is not allowed."
            ))
        }
        store.press(.character("र")) {
            $0.screen = .usernameEntry(UsernameEntryScreen(
                text: "ram", problem: "A username has only letters, digits and . _ - @; \"र\" is not allowed."
            ))
        }
        // The next good key clears the message.
        store.press(.character("a")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "rama")) }
    }

    @Test("the 51st character is refused with the limit")
    func tooLong() {
        var state = Fixtures.freshState()
        state.screen = .usernameEntry(UsernameEntryScreen(text: String(repeating: "a", count: 50)))
        let store = TestStore(state)
        store.press(.character("b")) {
            $0.screen = .usernameEntry(UsernameEntryScreen(
                text: String(repeating: "a", count: 50), problem: "A username has at most 50 characters."
            ))
        }
    }

    @Test("cursor keys move, Backspace and Del delete around the cursor")
    func editing() {
        let store = TestStore(Fixtures.freshState())
        store.type("abcd")
        store.press(.left) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "abcd", cursor: 3)) }
        store.press(.backspace) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "abd", cursor: 2)) }
        store.press(.home) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "abd", cursor: 0)) }
        store.press(.backspace) // nothing before the cursor
        store.press(.delete) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "bd", cursor: 0)) }
        store.press(.character("x")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 1)) }
        store.press(.control("e")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 3)) }
        store.press(.right) // already at the end
        store.press(.delete) // nothing at the cursor
        store.press(.control("a")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 0)) }
        store.press(.control("f")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 1)) }
        store.press(.control("b")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 0)) }
        store.press(.end) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xbd", cursor: 3)) }
        store.press(.control("h")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "xb", cursor: 2)) }
        store.press(.escape) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        store.type("q")
        store.press(.control("u")) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
    }

    @Test("Enter on an empty field says what to type and sends nothing")
    func emptySubmit() {
        let store = TestStore(Fixtures.freshState())
        store.press(.enter) {
            $0.screen = .usernameEntry(UsernameEntryScreen(problem: "Type the customer's Arrownet username."))
        }
    }

    @Test("Up walks back through recent usernames, Down forward to an empty field")
    func recentUsernames() {
        let store = TestStore(Fixtures.freshState(recent: ["newest", "older"]))
        store.press(.down) // not browsing: nothing to go forward to
        store.press(.up) {
            var entry = UsernameEntryScreen(text: "newest")
            entry.recentIndex = 0
            $0.screen = .usernameEntry(entry)
        }
        store.press(.up) {
            var entry = UsernameEntryScreen(text: "older")
            entry.recentIndex = 1
            $0.screen = .usernameEntry(entry)
        }
        store.press(.up) // no older one: stays
        store.press(.down) {
            var entry = UsernameEntryScreen(text: "newest")
            entry.recentIndex = 0
            $0.screen = .usernameEntry(entry)
        }
        store.press(.down) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
    }

    @Test("a successful lookup puts the username first in recent ones, without repeats, at most 8")
    func rememberingRecent() {
        var state = Fixtures.freshState(recent: ["a1", "pradhanang", "a2", "a3", "a4", "a5", "a6", "a7"])
        state.screen = .loading(LoadingScreen(
            username: Fixtures.username(), fetchID: FetchID(1), startedAt: Fixtures.morning,
            entry: UsernameEntryScreen(text: "Pradhanang")
        ))
        let store = TestStore(state)
        let lookup = AccountLookup(account: Fixtures.account(), payments: [])
        store.send(.accountLoaded(FetchID(1), .success(lookup))) {
            $0.recentUsernames = ["Pradhanang", "a1", "a2", "a3", "a4", "a5", "a6", "a7"].map { Fixtures.username($0) }
            $0.screen = .account(AccountScreen(
                lookup: lookup, lookedUpAt: Fixtures.morning, calendar: Fixtures.calendar,
                entry: UsernameEntryScreen(text: "Pradhanang")
            ))
        }
    }

    @Test("back from an account the username is kept, selected: a character replaces it, Backspace or Del clears it")
    func selectedReplaced() {
        var state = Fixtures.freshState()
        state.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true))
        let store = TestStore(state)
        store.press(.character(" ")) {  // refused: the selection stays, with the reason
            $0.screen = .usernameEntry(UsernameEntryScreen(
                text: "Pradhanang", isSelected: true,
                problem: "A username has only letters, digits and . _ - @; a space is not allowed."))
        }
        store.press(.character("d")) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "d")) }
        store.type("uecustomer")
        #expect(store.state.screen == .usernameEntry(UsernameEntryScreen(text: "duecustomer")))
        for key: Key in [.backspace, .delete] {
            var selected = Fixtures.freshState()
            selected.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true))
            let clearing = TestStore(selected)
            clearing.press(key) { $0.screen = .usernameEntry(UsernameEntryScreen()) }
        }
    }

    @Test("Left, Right, Home and End keep a selected username to edit it, the cursor at its start or end")
    func selectedKept() {
        for (key, cursor) in [(Key.left, 0), (.home, 0), (.right, 10), (.end, 10), (.control("b"), 0), (.control("e"), 10)] {
            var state = Fixtures.freshState()
            state.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true))
            let store = TestStore(state)
            store.press(key) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", cursor: cursor)) }
        }
        // Enter looks a selected username up again, as typed.
        var state = Fixtures.freshState()
        state.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", isSelected: true))
        let store = TestStore(state)
        store.press(.enter) {
            $0.screen = .loading(LoadingScreen(
                username: Fixtures.username(), fetchID: FetchID(1), startedAt: Fixtures.morning,
                entry: UsernameEntryScreen(text: "Pradhanang")))
            $0.nextFetchID = 2
        }
        store.receive(.fetchAccount(Fixtures.username(), FetchID(1)))
    }

    @Test("the cursor column counts display width")
    func cursorColumn() {
        #expect(UsernameEntryScreen(text: "ab", cursor: 1).cursorColumn == 1)
        #expect(UsernameEntryScreen(text: "日本x", cursor: 2).cursorColumn == 4)
    }
}
