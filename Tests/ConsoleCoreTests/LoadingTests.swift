import ArrownetDomain
import ConsoleCore
import Testing

@Suite("Loading an account")
struct LoadingTests {
    static let entry = UsernameEntryScreen(text: "Pradhanang")
    static let loading = LoadingScreen(
        username: Fixtures.username(), fetchID: FetchID(1), startedAt: Fixtures.morning, entry: entry
    )

    @Test("Enter looks the username up, trimmed, with a fresh fetch id")
    func lookUp() {
        let store = TestStore(Fixtures.freshState())
        store.type("Pradhanang")
        store.press(.enter) {
            $0.screen = .loading(Self.loading)
            $0.nextFetchID = 2
        }
        store.receive(.fetchAccount(Fixtures.username(), FetchID(1)))
    }

    @Test("ticks show elapsed seconds, and after 5 s the screen says the network is slow")
    func progress() {
        var state = Fixtures.freshState()
        state.screen = .loading(Self.loading)
        let store = TestStore(state)
        store.send(.tick(Fixtures.morning.addingTimeInterval(1.4))) {
            $0.now = Fixtures.morning.addingTimeInterval(1.4)
            $0.screen = .loading(LoadingScreen(
                username: Fixtures.username(), fetchID: FetchID(1), startedAt: Fixtures.morning, elapsedSeconds: 1,
                entry: Self.entry
            ))
        }
        guard case .loading(let before) = store.state.screen else { Issue.record("not loading"); return }
        #expect(!before.isSlow)
        store.send(.tick(Fixtures.morning.addingTimeInterval(5))) {
            $0.now = Fixtures.morning.addingTimeInterval(5)
            $0.screen = .loading(LoadingScreen(
                username: Fixtures.username(), fetchID: FetchID(1), startedAt: Fixtures.morning, elapsedSeconds: 5,
                entry: Self.entry
            ))
        }
        guard case .loading(let after) = store.state.screen else { Issue.record("not loading"); return }
        #expect(after.isSlow)
    }

    @Test("Esc goes back to the typed username and cancels the lookup; its late answer is dropped")
    func escapeCancels() {
        var state = Fixtures.freshState()
        state.screen = .loading(Self.loading)
        let store = TestStore(state)
        store.press(.escape) { $0.screen = .usernameEntry(Self.entry) }
        store.receive(.cancelFetch(FetchID(1)))
        store.send(.accountLoaded(FetchID(1), .success(AccountLookup(account: Fixtures.account(), payments: []))))
        store.send(.accountLoaded(FetchID(1), .failure(Fixtures.unknownCustomer("Pradhanang"))))
    }

    @Test("an answer for an earlier lookup never lands on a newer one")
    func staleAnswer() {
        var state = Fixtures.freshState()
        state.screen = .loading(LoadingScreen(
            username: Fixtures.username(), fetchID: FetchID(2), startedAt: Fixtures.morning, entry: Self.entry
        ))
        let store = TestStore(state)
        store.send(.accountLoaded(FetchID(1), .success(AccountLookup(account: Fixtures.account("other"), payments: []))))
    }

    @Test("keys other than Esc do nothing while loading")
    func otherKeysIgnored() {
        var state = Fixtures.freshState()
        state.screen = .loading(Self.loading)
        let store = TestStore(state)
        for key: Key in [.enter, .character("1"), .character("y"), .function(1), .control("q"), .up] {
            store.press(key)
        }
    }

    @Test("an unknown customer goes back to the username with the reason and the next step")
    func unknownCustomer() {
        var state = Fixtures.freshState()
        state.screen = .loading(Self.loading)
        let store = TestStore(state)
        store.send(.accountLoaded(FetchID(1), .failure(Fixtures.unknownCustomer("Pradhanang")))) {
            $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", lookupError: Fixtures.unknownCustomer("Pradhanang")))
        }
        guard case .usernameEntry(let entry) = store.state.screen else { return }
        #expect(entry.lookupError?.sentence == "No Arrownet customer with username Pradhanang. Check the username with the customer.")
        #expect(store.state.recentUsernames.isEmpty)
    }

    @Test("a refused token or maintenance goes back with Khalti's reason")
    func khaltiRefuses() {
        for code in [KhaltiErrorCode.invalidToken, .maintenance, .insufficientCredits] {
            var state = Fixtures.freshState()
            state.screen = .loading(Self.loading)
            let store = TestStore(state)
            store.send(.accountLoaded(FetchID(1), .failure(Fixtures.refusal(code)))) {
                $0.screen = .usernameEntry(UsernameEntryScreen(text: "Pradhanang", lookupError: Fixtures.refusal(code)))
            }
            guard case .usernameEntry(let entry) = store.state.screen else { continue }
            #expect(entry.lookupError?.reason == code.meaning && entry.lookupError?.nextStep == code.nextStep)
        }
    }
}
