import ArrownetDomain

/// Closing the shift: the clerk counts the drawer and types what is in it (and a note,
/// when the cash is over or short), reads the difference, and confirms with `y`.
public struct ShiftCloseScreen: Hashable, Sendable {
    public enum Step: Hashable, Sendable {
        /// Typing the counted cash and the note.
        case counting
        /// The count read back against what is expected: `y` closes.
        case confirming(counted: Money)
        /// The desk is closing the shift.
        case closing(counted: Money)
    }

    public enum Field: Hashable, Sendable {
        case counted
        case note
    }

    /// The X report taken when the close started: what the drawer should hold.
    public let report: ShiftReport
    public var counted: EditableText
    public var note: EditableText
    public var focus: Field
    public var step: Step
    /// Why Enter did not go on (the count is not an amount).
    public var problem: String?
    /// Why the desk did not close it (a payment of the shift on its way, the journal).
    public var error: ConsoleError?
    /// The drawer opened to be counted (`drawer = kick`), or why not; nil without a drawer.
    public var drawer: DrawerStatus?
    /// The X report as it was, for Esc.
    public let back: ShiftReportScreen

    public static let noteLimit = 120

    public init(report: ShiftReport, back: ShiftReportScreen, drawer: DrawerStatus? = nil) {
        self.report = report
        self.back = back
        counted = EditableText(limit: ShiftOpenScreen.amountLimit)
        note = EditableText(limit: Self.noteLimit)
        focus = .counted
        step = .counting
        problem = nil
        error = nil
        self.drawer = drawer
    }

    public var expected: Money { report.expectedCash }

    /// Counted less expected, once the count is read.
    public var difference: Money? {
        switch step {
        case .counting: nil
        case .confirming(let counted), .closing(let counted): counted - expected
        }
    }

    /// The note as the desk records it: nil when blank.
    public var noteText: String? { note.isBlank ? nil : note.trimmed }

    /// Payments of this shift still on their way to Khalti: the desk will not close it.
    public var paymentsOnTheirWay: Int { report.onTheirWay.count }

    /// The field the cursor is in.
    public var focused: EditableText {
        get { focus == .counted ? counted : note }
        set {
            switch focus {
            case .counted: counted = newValue
            case .note: note = newValue
            }
        }
    }
}

/// The cash drawer, opened by the console for the count.
public enum DrawerStatus: Hashable, Sendable {
    case opening
    /// The printer's note.
    case opened(String)
    case failed(ConsoleError)
}

extension ShiftCloseScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .shiftClose(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .shiftClose(self) }
}
