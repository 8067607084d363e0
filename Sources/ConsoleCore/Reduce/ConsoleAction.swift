import ArrownetDomain
import Foundation

/// Everything that can happen to the console: keys, clock ticks and the answers
/// to effects. Times come in the actions, from the runtime's injected clock.
public enum ConsoleAction: Hashable, Sendable {
    /// The console opened.
    case started(at: Date)
    /// A key, with the time the backend read it (the confirm guard depends on it).
    case key(Key, at: Date)
    /// About once a second: advances elapsed times on waiting screens.
    case tick(Date)
    case accountLoaded(FetchID, Result<AccountLookup, ConsoleError>)
    case paymentFinished(PaymentOutcome, at: Date)
    case heldPaymentsLoaded(Result<[PaymentSummary], ConsoleError>)
    /// The payments looked up, as the journal has them afterwards.
    case heldPaymentsLookedUp(Result<[PaymentSummary], ConsoleError>)
    case balanceLoaded(Result<Money, ConsoleError>)
    /// The printer's note (where the receipt went), or why it failed.
    case receiptPrinted(Result<String, ConsoleError>)
}
