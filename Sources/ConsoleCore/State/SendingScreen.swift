import Foundation

/// The payment is on its way. No key does anything here: not a second submit,
/// not a way back, since the money may already be moving.
public struct SendingScreen: Hashable, Sendable {
    public let order: PaymentOrder
    public let startedAt: Date
    public var elapsedSeconds: Int

    public init(order: PaymentOrder, startedAt: Date, elapsedSeconds: Int = 0) {
        self.order = order
        self.startedAt = startedAt
        self.elapsedSeconds = elapsedSeconds
    }
}
