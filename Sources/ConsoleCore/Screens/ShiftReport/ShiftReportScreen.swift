import ArrownetDomain

/// The open shift's X report, as printed (42 columns), to scroll through; it prints
/// with `p`, and the close starts from here.
public struct ShiftReportScreen: Hashable, Sendable {
    /// nil while the desk is making it.
    public var report: ShiftReport?
    /// The report as printed (`ShiftReportLayout`), with SANDBOX/UAT marks and both calendars.
    public var lines: [PrintLine]
    /// The first line shown.
    public var scroll: Int
    public var isLoading: Bool
    /// Asked for before the journal said which shift is open (just after the console
    /// started): the report is asked for as soon as it does.
    public var awaitsShift: Bool
    public var error: ConsoleError?
    public var printStatus: PrintStatus

    public init(report: ShiftReport? = nil, lines: [PrintLine] = []) {
        self.report = report
        self.lines = lines
        scroll = 0
        isLoading = report == nil
        awaitsShift = false
        error = nil
        printStatus = .notPrinted
    }

    /// Report lines that fit on a terminal of `size` (nil: not known yet, 80x24): the
    /// rows between the title and the status line, less one for where the report went.
    public static func visibleLines(on size: TerminalSize?) -> Int {
        max(1, (size?.height ?? 24) - 6)
    }

    /// The highest first line, so the last page is full.
    func lastScroll(on size: TerminalSize?) -> Int {
        max(0, lines.count - Self.visibleLines(on: size))
    }
}

extension ShiftReportScreen: ScreenState {
    init?(shown screen: Screen) {
        guard case .shiftReport(let state) = screen else { return nil }
        self = state
    }

    var asScreen: Screen { .shiftReport(self) }
}
