import ArrownetDomain

/// Opening the counter's shift: the operator's name and the opening float, then the
/// desk's answer.
enum ShiftOpenReducer {
    static func reduce(_ screen: inout ShiftOpenScreen, _ intent: ShiftOpenIntent, key: Key) -> ScreenStep {
        // The desk is opening it: nothing to edit or send twice meanwhile.
        guard !screen.isOpening else { return .stay() }
        switch intent {
        case .edit(let edit):
            screen.problem = nil
            screen.error = nil
            if !TextEditKeys.apply(edit, key: key, to: &screen.focused) {
                screen.problem = "This field takes at most \(screen.focused.limit) characters."
            }
        case .nextField, .previousField:
            screen.focus = screen.focus == .operatorName ? .openingFloat : .operatorName
        case .open:
            return open(&screen)
        }
        return .stay()
    }

    private static func open(_ screen: inout ShiftOpenScreen) -> ScreenStep {
        let name = screen.operatorName.trimmed
        guard !name.isEmpty else {
            screen.focus = .operatorName
            screen.problem = "Type the name of the operator who takes this shift."
            return .stay()
        }
        switch TypedAmount.read(screen.openingFloat.text, what: "the cash in the drawer now") {
        case .failure(let problem):
            screen.focus = .openingFloat
            screen.problem = problem.sentence
            return .stay()
        case .success(let float):
            screen.problem = nil
            screen.error = nil
            screen.isOpening = true
            return .stay(.openShift(operatorName: name, float: float))
        }
    }

    /// The desk's answer: the shift is open (this one, or one another terminal opened
    /// first), and the username screen takes over with what was typed before.
    static func opened(_ result: Result<ShiftOpenAnswer, ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        let shift: ShiftReport.ShiftInfo
        let sentence: String
        switch result {
        case .success(.opened(let info)):
            shift = info
            sentence = "Shift \(info.number) opened by \(info.operatorName) with \(info.openingFloat.formatted) in the drawer."
        case .success(.alreadyOpen(let info)):
            shift = info
            sentence = "Shift \(info.number) of \(info.counter) was already open (\(info.operatorName), since "
                + "\(ClerkDates.timeOrDayAndTime(info.openedAt, relativeTo: state.now ?? info.openedAt, in: state.calendar))): "
                + "payments go into it."
        case .failure(let error):
            _ = state.update(ShiftOpenScreen.self) { screen, _ in
                screen.isOpening = false
                screen.error = error
                return .stay()
            }
            return []
        }
        state.noteShift(.open(shift))
        let entry = state.shown(ShiftOpenScreen.self)?.entry
        if let entry { state.screen = .usernameEntry(entry) }
        let held = state.header.heldCount
        state.statusMessage = sentence + (held == 0 ? "" : " \(held == 1 ? "1 payment is" : "\(held) payments are") held: F5 lists them.")
        return []
    }

    /// The journal's answer at start (or after a payment found none): without an open
    /// shift the shift-open screen comes first, keeping what the clerk typed.
    static func loaded(_ result: Result<ShiftReport.ShiftInfo?, ConsoleError>, state: inout ConsoleState) -> [ConsoleEffect] {
        switch result {
        case .success(let shift?):
            state.noteShift(.open(shift))
        case .success(nil):
            state.noteShift(.none)
            switch state.screen {
            case .usernameEntry(let entry):
                state.screen = state.home(entry: entry)
            case .heldPayments:
                state.screen = state.home()
            case .loading, .account, .confirmation, .sending, .outcome, .shiftOpen, .shiftReport, .shiftClose, .drawer:
                // A customer is being served (a payment will find no shift and come back
                // here), or the screen is about the shift already.
                break
            }
        case .failure(let error):
            state.statusMessage = "The counter's shift could not be read: \(error.sentence)"
        }
        // An X report asked for before the journal answered follows now.
        return ShiftReportReducer.shiftKnown(result, state: &state)
    }
}
