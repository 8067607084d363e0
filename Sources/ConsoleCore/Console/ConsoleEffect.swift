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
    /// marked `isReprint`, made by `reduce` from the last one. `kickDrawer`: a payment
    /// just paid at the counter opens the cash drawer in the same job (never a reprint),
    /// and the opening is noted in the journal.
    case printReceipt(Receipt, kickDrawer: Bool = false)
    /// The counter's open shift; answers `.shiftLoaded`.
    case loadShift
    /// Opens a shift at this counter; answers `.shiftOpened`.
    case openShift(operatorName: String, float: Money)
    /// The X report of the open shift; answers `.shiftReportLoaded`.
    case loadShiftReport(shiftID: Int64)
    /// Counts the drawer and closes the counter's shift; answers `.shiftClosed`.
    case closeShift(counted: Money, note: String?)
    /// Prints (or saves) a shift report through the receipt printer path; answers `.shiftReportPrinted`.
    case printShiftReport(ShiftReport)
    /// Prints the receipt of a held payment a lookup found paid; answers `.settledReceiptPrinted`.
    /// The drawer stays shut: that cash was put aside when the payment was held.
    case printSettledReceipt(Receipt)
    /// Opens the cash drawer (`drawer = kick`) and notes why in the journal, in the name
    /// of `operatorName`; answers `.drawerOpened`.
    case openDrawer(DrawerReason, operatorName: String)
    /// Leave: never asked for while a payment is on its way (see `Quitting`).
    case quit
}
