import ArrownetDomain
import Foundation

/// Identifies one account lookup, so that the answer to a lookup the clerk left
/// (Esc) is recognised and dropped even if it arrives after a new one started.
public struct FetchID: Hashable, Sendable, CustomStringConvertible {
    public let value: Int
    public init(_ value: Int) { self.value = value }
    public var description: String { "fetch \(value)" }
}

/// Waiting for Khalti's details answer (and the journal's record of this customer).
public struct LoadingScreen: Hashable, Sendable {
    public let username: Username
    public let fetchID: FetchID
    public let startedAt: Date
    /// Whole seconds since the lookup started, advanced by clock ticks.
    public var elapsedSeconds: Int
    /// The entry as it was, for Esc.
    public let entry: UsernameEntryScreen

    /// After this long the screen says the network is slow and reminds of Esc.
    public static let slowAfterSeconds = 5

    public init(username: Username, fetchID: FetchID, startedAt: Date, elapsedSeconds: Int = 0, entry: UsernameEntryScreen) {
        self.username = username
        self.fetchID = fetchID
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.entry = entry
    }

    public var isSlow: Bool { elapsedSeconds >= Self.slowAfterSeconds }
}

extension LoadingScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .loading(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .loading(self) }
}
