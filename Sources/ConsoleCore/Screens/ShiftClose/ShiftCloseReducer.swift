import ArrownetDomain

/// Counting the drawer, reading the difference back, and the desk's answer to the close.
enum ShiftCloseReducer {
    static func reduce(_ screen: inout ShiftCloseScreen, _ intent: ShiftCloseIntent, key: Key) -> ScreenStep {
        switch intent {
        case .edit(let edit):
            guard screen.step == .counting else { return .stay() }
            screen.problem = nil
            screen.error = nil
            if !TextEditKeys.apply(edit, key: key, to: &screen.focused) {
                screen.problem = "This field takes at most \(screen.focused.limit) characters."
            }
        case .switchField:
            screen.focus = screen.focus == .counted ? .note : .counted
        case .review:
            guard screen.step == .counting else { return .stay() }
            switch TypedAmount.read(screen.counted.text, what: "the cash counted in the drawer") {
            case .failure(let problem):
                screen.focus = .counted
                screen.problem = problem.sentence
            case .success(let counted):
                screen.problem = nil
                screen.error = nil
                screen.step = .confirming(counted: counted)
                // A y typed ahead must not close the shift before the difference is read.
                return .stay(.discardTypeahead)
            }
        case .confirmClose:
            guard case .confirming(let counted) = screen.step else { return .stay() }
            screen.error = nil
            screen.step = .closing(counted: counted)
            return .stay(.closeShift(counted: counted, note: screen.noteText))
        case .back:
            switch screen.step {
            case .counting: return .go(to: .shiftReport(screen.back))
            case .confirming: screen.step = .counting
            case .closing: break
            }
        }
        return .stay()
    }

    /// The desk's answer: closed (the shift-open screen shows the figures while the Z
    /// report prints), closed elsewhere already, or refused (said on this screen).
    static func closed(_ answer: ShiftCloseAnswer, state: inout ConsoleState) -> [ConsoleEffect] {
        switch answer {
        case .closed(let report):
            state.noteShift(.none)
            var open = ShiftOpenScreen(operatorName: state.configuredOperator)
            open.closed = ClosedShift(report: report)
            state.screen = .shiftOpen(open)
            return [.printShiftReport(report)]
        case .noOpenShift:
            state.noteShift(.none)
            var open = ShiftOpenScreen(operatorName: state.configuredOperator)
            open.notice = "This counter's shift was already closed, at another terminal: nothing was closed here. "
                + "Open a shift to take payments."
            state.screen = .shiftOpen(open)
            return []
        case .refused(let error):
            let shown = state.update(ShiftCloseScreen.self) { screen, _ in
                if case .closing(let counted) = screen.step { screen.step = .confirming(counted: counted) }
                screen.error = error
                return .stay()
            }
            if shown == nil { state.statusMessage = "The shift was not closed: \(error.sentence)" }
            return []
        }
    }
}
