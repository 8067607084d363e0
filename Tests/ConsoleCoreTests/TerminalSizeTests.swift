import ArrownetDomain
import ConsoleCore
import Foundation
import Testing

/// The terminal's size is an action: below the minimum the screen is replaced by
/// "Terminal too small", and what is typed meanwhile is kept and applied, in order,
/// once it is large enough again.
@Suite("Terminal size")
struct TerminalSizeTests {
    static let small = TerminalSize(width: 50, height: 12)
    static let large = TerminalSize(width: 80, height: 24)

    @Test("the minimum is 60x16")
    func minimum() {
        #expect(TerminalSize(width: 60, height: 16).showsScreens)
        #expect(!TerminalSize(width: 59, height: 16).showsScreens)
        #expect(!TerminalSize(width: 60, height: 15).showsScreens)
        #expect(!Fixtures.freshState().isTooSmall)  // until the terminal says otherwise
    }

    @Test("keys typed while too small are kept, then applied in order when large enough")
    func keptThenApplied() {
        let store = TestStore(Fixtures.freshState())
        store.type("Prad")
        store.send(.resized(Self.small, at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.terminalSize = Self.small
        }
        #expect(store.state.isTooSmall)
        for character in "hanang" {
            store.send(.key(.character(character), at: Fixtures.morning)) { $0.keysWhileTooSmall.append(.character(character)) }
        }
        store.send(.key(.left, at: Fixtures.morning)) { $0.keysWhileTooSmall.append(.left) }
        let grownAt = Fixtures.morning.addingTimeInterval(4)
        store.send(.resized(Self.large, at: grownAt)) {
            $0.now = grownAt
            $0.terminalSize = Self.large
            $0.keysWhileTooSmall = []
            $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", cursor: 9))
        }
        // Still large enough: nothing more is kept.
        store.send(.resized(TerminalSize(width: 60, height: 16), at: grownAt)) { $0.terminalSize = TerminalSize(width: 60, height: 16) }
        store.press(.end) { $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang")) }
        store.type("x")
    }

    @Test("kept keys that open the confirmation: the rest were typed before it was shown and are dropped; y never pays")
    func keptTypeaheadCannotConfirm() {
        var state = Fixtures.freshState()
        state.screen = .account(AccountScreenTests.screen())
        state.terminalSize = Self.small
        let store = TestStore(state)
        for key: Key in [.character("3"), .character("y")] {
            store.send(.key(key, at: Fixtures.morning)) {
                $0.now = Fixtures.morning
                $0.keysWhileTooSmall.append(key)
            }
        }
        let grownAt = Fixtures.morning.addingTimeInterval(10)
        store.send(.resized(Self.large, at: grownAt)) {
            $0.now = grownAt
            $0.terminalSize = Self.large
            $0.keysWhileTooSmall = []
            var highlighted = AccountScreenTests.screen()
            highlighted.highlighted = 1
            $0.screen = .confirmation(ConfirmationScreen(order: PaymentOrder(
                account: highlighted.account, plan: highlighted.plans[1].plan, newExpiry: highlighted.plans[1].newExpiry,
                counter: "Counter 1", operatorName: "Sita", lookedUpAt: Fixtures.morning), shownAt: grownAt, back: highlighted))
        }
        store.receive(.discardTypeahead)
    }

    @Test("a quit key acts at once, even while too small")
    func quitWhileTooSmall() {
        var state = Fixtures.freshState()
        state.terminalSize = Self.small
        let store = TestStore(state)
        store.send(.key(.character("a"), at: Fixtures.morning)) {
            $0.now = Fixtures.morning
            $0.keysWhileTooSmall = [.character("a")]
        }
        store.send(.key(.control("c"), at: Fixtures.morning))
        store.receive(.quit)
    }

    @Test("only the loading and sending screens show time passing, so only they get ticks")
    func timePassing() {
        let shows = KeyMapTests.everyScreen.filter { $0.1.showsTimePassing }.map(\.0)
        #expect(shows == ["Looking up", "Sending payment"])
    }
}
