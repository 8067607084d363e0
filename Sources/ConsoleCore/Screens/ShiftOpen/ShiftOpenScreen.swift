import ArrownetDomain
import Foundation

/// No shift is open at this counter: who opens one, and the cash in the drawer (the
/// opening float). Payments need an open shift, so this is the first screen then.
public struct ShiftOpenScreen: Hashable, Sendable {
    public enum Field: Hashable, Sendable {
        case operatorName
        case openingFloat
    }

    /// Prefilled with the config's operator, selected: typing replaces it.
    public var operatorName: EditableText
    /// Rupees as the clerk types them (`5000`, `5,000.50`), read by `Money(typed:)`.
    public var openingFloat: EditableText
    public var focus: Field
    /// Why Enter did not open the shift (a field empty or not an amount).
    public var problem: String?
    /// The desk could not open it (the journal failing).
    public var error: ConsoleError?
    /// Waiting for the desk: keys that edit or open do nothing meanwhile.
    public var isOpening: Bool
    /// Why the console is here, when it is not the start: the shift just closed (with
    /// its figures and where the Z report went), or it was closed elsewhere.
    public var closed: ClosedShift?
    public var notice: String?
    /// The username typed before the console came here, given back once a shift is open.
    public let entry: UsernameEntryScreen

    public static let operatorLimit = 40
    public static let amountLimit = 20

    public init(operatorName: String, entry: UsernameEntryScreen = UsernameEntryScreen()) {
        self.operatorName = EditableText(operatorName, limit: Self.operatorLimit, selected: true)
        openingFloat = EditableText(limit: Self.amountLimit)
        // The config's operator is usually the one at the counter: the float is what to type.
        focus = operatorName.isEmpty ? .operatorName : .openingFloat
        problem = nil
        error = nil
        isOpening = false
        closed = nil
        notice = nil
        self.entry = entry
    }

    /// The field the cursor is in.
    public var focused: EditableText {
        get { focus == .operatorName ? operatorName : openingFloat }
        set {
            switch focus {
            case .operatorName: operatorName = newValue
            case .openingFloat: openingFloat = newValue
            }
        }
    }
}

/// A shift this console just closed: the Z report and where it went.
public struct ClosedShift: Hashable, Sendable {
    public let report: ShiftReport
    public var printStatus: PrintStatus

    public init(report: ShiftReport, printStatus: PrintStatus = .printing) {
        self.report = report
        self.printStatus = printStatus
    }

    /// "Shift 3 of Counter 1 closed at 18:02: expected Rs. 6,695.00, counted Rs. 6,600.00, SHORT Rs. 95.00."
    public func summary(calendar: CounterCalendar) -> String {
        let shift = report.shift
        let closedAt = ClerkDates.time(shift.closedAt ?? report.takenAt, in: calendar)
        var text = "Shift \(shift.number) of \(shift.counter) closed at \(closedAt): expected \(report.expectedCash.formatted)"
        if let counted = report.countedCash, let difference = report.difference {
            text += ", counted \(counted.formatted), \(ShiftFigures.differenceText(difference))"
        }
        return text + "."
    }
}

/// How the console words a shift's figures.
public enum ShiftFigures {
    /// `OVER Rs. 5.00`, `SHORT Rs. 95.00`, or `exact`.
    public static func differenceText(_ difference: Money) -> String {
        switch difference.paisa {
        case 0: "exact"
        case 1...: "OVER \(difference.formatted)"
        default: "SHORT \(Money(paisa: -difference.paisa).formatted)"
        }
    }
}

extension ShiftOpenScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .shiftOpen(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .shiftOpen(self) }
}
