import Foundation

/// The payment is on its way. No key does anything here: not a second submit,
/// not a way back, since the money may already be moving. Ctrl-C (or a signal) is
/// noted, and the console quits once the answer is recorded.
public struct SendingScreen: Hashable, Sendable {
    public let order: PaymentOrder
    public let startedAt: Date
    public var elapsedSeconds: Int
    /// The clerk asked to quit: the console quits as soon as Khalti's answer is recorded.
    public var quitsWhenRecorded: Bool

    public init(order: PaymentOrder, startedAt: Date, elapsedSeconds: Int = 0, quitsWhenRecorded: Bool = false) {
        self.order = order
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
        self.quitsWhenRecorded = quitsWhenRecorded
    }
}

extension SendingScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .sending(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .sending(self) }
}
