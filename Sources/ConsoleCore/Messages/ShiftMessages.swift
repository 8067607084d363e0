import ArrownetDomain

/// What the payment desk answered to "open a shift at this counter".
public enum ShiftOpenAnswer: Hashable, Sendable {
    case opened(ShiftReport.ShiftInfo)
    /// Another terminal opened one first: nothing was written, payments go into that one.
    case alreadyOpen(ShiftReport.ShiftInfo)
}

/// What the payment desk answered to "count the drawer and close the shift".
public enum ShiftCloseAnswer: Hashable, Sendable {
    /// Closed: the Z report, as the journal keeps it.
    case closed(ShiftReport)
    /// The counter has no open shift any more (closed at another terminal).
    case noOpenShift
    /// Not closed, with why (a payment of the shift still on its way, the journal failing).
    case refused(ConsoleError)
}

/// Why the cash drawer opens; every opening is noted in the journal with it, so the
/// shift report counts them ("drawer opened 14 times, 2 without a payment").
public enum DrawerReason: Hashable, Sendable {
    /// The shift's cash is being counted, to close it.
    case count
    /// The clerk's own words (change for a customer, a drop to the safe).
    case clerk(String)
}
