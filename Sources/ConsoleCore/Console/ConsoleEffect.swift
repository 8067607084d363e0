import ArrownetDomain

/// What `reduce` asks the runtime to do. Plain values, so tests compare them.
public enum ConsoleEffect: Hashable, Sendable {
    /// Khalti's details and the journal's payments for the customer; answers `.accountLoaded`.
    case fetchAccount(Username, FetchID)
    /// The clerk went back: stop the lookup (its answer would be dropped anyway).
    case cancelFetch(FetchID)
    /// Throw away keys typed but not yet read (the confirm guard's first layer).
    case discardTypeahead
    /// Write the intent, send, record; answers `.paymentFinished`.
    case commitPayment(PaymentOrder)
    /// Answers `.heldPaymentsLoaded`.
    case loadHeldPayments
    /// Ask Khalti about these references now; answers `.heldPaymentsLookedUp`.
    case lookUpNow([PaymentReference])
    /// Answers `.balanceLoaded`.
    case loadBalance
    /// Print (or save) a receipt; answers `.receiptPrinted`. Reprints are receipts
    /// marked `isReprint`, made by `reduce` from the last one.
    case printReceipt(Receipt)
    /// Leave: never asked for while a payment is on its way (see `Quitting`).
    case quit
}
