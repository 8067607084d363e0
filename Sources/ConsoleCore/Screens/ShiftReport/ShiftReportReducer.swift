import ArrownetDomain

/// The X report: opening it, scrolling, printing, and starting the close.
enum ShiftReportReducer {
    /// The username screen's shift key: the open shift's X report, made now.
    static func open(state: inout ConsoleState) -> [ConsoleEffect] {
        switch state.shift {
        case .open(let shift):
            state.screen = .shiftReport(ShiftReportScreen())
            return [.loadShiftReport(shiftID: shift.id)]
        case .unknown:
            // The console has just started: the report follows once the journal names the shift.
            var waiting = ShiftReportScreen()
            waiting.awaitsShift = true
            state.screen = .shiftReport(waiting)
            return []
        case .none:
            state.statusMessage = "No shift is open at this counter."
            return []
        }
    }

    /// The journal named the counter's shift (or said there is none, or failed) while the
    /// X report waited for it.
    static func shiftKnown(_ result: Result<ShiftReport.ShiftInfo?, ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        guard let waiting = state.shown(ShiftReportScreen.self), waiting.awaitsShift else { return [] }
        switch result {
        case .success(let shift?):
            var loading = waiting
            loading.awaitsShift = false
            state.screen = .shiftReport(loading)
            return [.loadShiftReport(shiftID: shift.id)]
        case .success(nil):
            state.screen = state.home()
            return []
        case .failure(let error):
            var failed = waiting
            failed.awaitsShift = false
            failed.isLoading = false
            failed.error = error
            state.screen = .shiftReport(failed)
            return []
        }
    }

    static func reduce(_ screen: inout ShiftReportScreen, _ intent: ShiftReportIntent, console: ConsoleState) -> ScreenStep {
        let size = console.terminalSize
        let page = ShiftReportScreen.visibleLines(on: size)
        switch intent {
        case .scrollUp: screen.scroll = min(max(0, screen.scroll - 1), screen.lastScroll(on: size))
        case .scrollDown: screen.scroll = min(screen.scroll + 1, screen.lastScroll(on: size))
        case .pageUp: screen.scroll = max(0, min(screen.scroll, screen.lastScroll(on: size)) - page)
        case .pageDown: screen.scroll = min(screen.scroll + page, screen.lastScroll(on: size))
        case .print:
            guard let report = screen.report, screen.printStatus != .printing else { return .stay() }
            screen.printStatus = .printing
            return .stay(.printShiftReport(report))
        case .closeShift:
            guard let report = screen.report else { return .stay() }
            guard console.hasCashDrawer else { return .go(to: .shiftClose(ShiftCloseScreen(report: report, back: screen))) }
            // The drawer opens to be counted, and the opening is noted in this shift
            // (reason "count"), so its Z report counts it.
            return .go(
                to: .shiftClose(ShiftCloseScreen(report: report, back: screen, drawer: .opening)),
                .openDrawer(.count, operatorName: console.header.operatorName))
        case .back:
            return .go(to: console.home())
        }
        return .stay()
    }

    static func loaded(_ result: Result<ShiftReport, ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        let environment = state.header.environment
        let calendar = state.calendar
        let bs = state.bsCalendar
        _ = state.update(ShiftReportScreen.self) { screen, _ in
            screen.isLoading = false
            switch result {
            case .success(let report):
                screen.report = report
                screen.lines = ShiftReportLayout.document(for: report, environment: environment, calendar: calendar, bsCalendar: bs).lines
                screen.error = nil
            case .failure(let error):
                screen.error = error
            }
            return .stay()
        }
        // The clerk left before it came: nothing to show it on.
        return []
    }

    /// Where a report went: on the X report or the closed shift that waits for it, else
    /// on the status line.
    static func printed(_ result: Result<String, ConsoleError>, state: inout ConsoleState) {
        let status: PrintStatus = switch result {
        case .success(let note): .printed(note)
        case .failure(let error): .failed(error)
        }
        var shown = false
        _ = state.update(ShiftReportScreen.self) { screen, _ in
            guard screen.printStatus == .printing else { return .stay() }
            screen.printStatus = status
            shown = true
            return .stay()
        }
        _ = state.update(ShiftOpenScreen.self) { screen, _ in
            guard !shown, screen.closed?.printStatus == .printing else { return .stay() }
            screen.closed?.printStatus = status
            shown = true
            return .stay()
        }
        guard !shown else { return }
        state.statusMessage = switch result {
        case .success(let note): "Shift report printed: \(note)"
        case .failure(let error): "The shift report was not printed: \(error.sentence)"
        }
    }
}
