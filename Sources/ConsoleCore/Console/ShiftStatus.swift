import ArrownetDomain

/// The counter's shift as the console knows it. Payments need an open one: without it
/// the console shows the shift-open screen instead of the username screen.
public enum ShiftStatus: Hashable, Sendable {
    /// The journal has not answered yet (the console is starting).
    case unknown
    /// No shift is open at this counter.
    case none
    case open(ShiftReport.ShiftInfo)

    public var openShift: ShiftReport.ShiftInfo? {
        if case .open(let shift) = self { shift } else { nil }
    }
}

extension ConsoleState {
    /// Where the clerk goes between customers: the username screen (with `entry`), or,
    /// while no shift is open, the shift-open screen, which gives `entry` back once a
    /// shift is open.
    func home(entry: UsernameEntryScreen = UsernameEntryScreen()) -> Screen {
        guard shift == .none else { return .usernameEntry(entry) }
        return .shiftOpen(ShiftOpenScreen(operatorName: configuredOperator, entry: entry))
    }

    /// The shift is open (or the journal said none): the header names its operator,
    /// which payments are taken in the name of.
    mutating func noteShift(_ status: ShiftStatus) {
        shift = status
        switch status {
        case .open(let info):
            header.operatorName = info.operatorName
            header.hasNoShift = false
        case .none:
            header.hasNoShift = true
        case .unknown:
            header.hasNoShift = false
        }
    }
}
