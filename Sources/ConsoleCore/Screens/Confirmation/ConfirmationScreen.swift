import ArrownetDomain
import Foundation

/// One line the clerk reads back to the customer: "Amount  Rs. 5,085.00".
public struct ReadBackLine: Hashable, Sendable {
    public let label: String
    public let value: String
}

/// Everything read back to the customer before the money moves.
///
/// Confirming takes `y`, never Enter: Enter is the key of every screen before
/// this one, so a held-down or doubled Enter must not pay. And a `y` that arrives
/// within `ConfirmGuard.window` of the screen appearing is ignored: it was typed
/// before the clerk could have read anything (see `ConfirmGuard`).
public struct ConfirmationScreen: Hashable, Sendable {
    public let order: PaymentOrder
    /// When the screen appeared (the time of the key that opened it).
    public let shownAt: Date
    /// Repeated from the account screen: the customer already paid today.
    public let paidTodayWarning: String?
    /// Set when a confirm key was ignored, saying why.
    public var notice: String?
    /// The account screen as it was, for Esc.
    public let back: AccountScreen

    public init(order: PaymentOrder, shownAt: Date, back: AccountScreen) {
        self.order = order
        self.shownAt = shownAt
        self.back = back
        paidTodayWarning = back.paidTodayWarning
        notice = nil
    }

    public var readBack: [ReadBackLine] {
        [
            ReadBackLine(label: "Username", value: order.username.value),
            ReadBackLine(label: "Name", value: order.customerName),
            ReadBackLine(label: "Plan", value: order.plan.duration.label),
            ReadBackLine(label: "Amount", value: order.plan.amount.formatted),
            ReadBackLine(label: "New expiry", value: ClerkDates.day(order.newExpiry, in: back.calendar, bs: back.bsCalendar)),
        ]
    }

    /// The question the screen asks.
    public var question: String { "Read this back to the customer. Pay \(order.plan.amount.formatted) now?" }
}

/// Keeps keys typed before the confirmation appeared from confirming it.
///
/// Two layers: when the screen opens, the reducer asks the runtime to discard
/// typeahead (`ConsoleEffect.discardTypeahead`, ncurses `flushinp`); and keys carry
/// the time they were read, so a confirm key read within `window` of the screen
/// appearing is ignored even if it slipped past the flush (keys already decoded,
/// or a backend that cannot flush). Nobody reads five lines back to a customer
/// in under a second, so the window costs a real confirmation nothing.
public enum ConfirmGuard {
    public static let window: TimeInterval = 0.8

    public static func accepts(keyAt time: Date, shownAt: Date) -> Bool {
        time.timeIntervalSince(shownAt) >= window
    }
}

extension ConfirmationScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .confirmation(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .confirmation(self) }
}
