import ArrownetDomain
import Foundation

/// The console's whole behaviour: applies `action` to `state` and says which
/// effects the runtime must perform. Pure: no clock, no I/O, no randomness.
public func reduce(into state: inout ConsoleState, action: ConsoleAction) -> [ConsoleEffect] {
    let shownBefore = state.screen.kind
    let effects = apply(action, to: &state)
    if state.screen.kind != shownBefore { state.notices.screenChanged(leaving: shownBefore) }
    return effects
}

private func apply(_ action: ConsoleAction, to state: inout ConsoleState) -> [ConsoleEffect] {
    switch action {
    case .started(let time):
        state.now = time
        state.showsHeldPaymentsWhenLoaded = true
        return [.loadShift, .loadHeldPayments, .loadBalance]
    case .key(let key, let time):
        return KeyPress.press(key, at: time, state: &state)
    case .resized(let size, let time):
        state.now = time
        return KeyPress.resized(to: size, at: time, state: &state)
    case .signal:
        return Quitting.request(state: &state)
    case .tick(let time):
        state.now = time
        _ = state.update(LoadingScreen.self) { loading, _ in
            LoadingReducer.advance(&loading, to: time)
            return .stay()
        }
        _ = state.update(SendingScreen.self) { sending, _ in
            SendingReducer.advance(&sending, to: time)
            return .stay()
        }
        return []
    case .accountLoaded(let fetchID, let result):
        return LoadingReducer.loaded(fetchID, result, state: &state)
    case .paymentFinished(let outcome, let time):
        state.now = time
        return SendingReducer.finished(outcome, at: time, state: &state)
    case .heldPaymentsLoaded(let result):
        return HeldPaymentsReducer.loaded(result, state: &state)
    case .heldPaymentsLookedUp(let result):
        return HeldPaymentsReducer.lookedUp(result, state: &state)
    case .heldPaymentsReconciled(let news):
        return HeldPaymentsReducer.reconciled(news, state: &state)
    case .settledReceiptPrinted(let reference, let result):
        SettledPayments.receiptPrinted(reference, result, state: &state)
        return []
    case .balanceLoaded(.success(let balance)):
        state.header.balance = balance
        state.header.balanceProblem = nil
        return []
    case .balanceLoaded(.failure(let error)):
        state.header.balanceProblem = error.reason
        return []
    case .receiptPrinted(let result):
        OutcomeReducer.receiptPrinted(result, state: &state)
        return []
    case .clockCompared(let drift):
        state.header.clockDrift = drift
        return []
    case .shiftLoaded(let result):
        return ShiftOpenReducer.loaded(result, state: &state)
    case .shiftOpened(let result):
        return ShiftOpenReducer.opened(result, state: &state)
    case .shiftReportLoaded(let result):
        return ShiftReportReducer.loaded(result, state: &state)
    case .shiftClosed(let answer):
        return ShiftCloseReducer.closed(answer, state: &state)
    case .drawerOpened(let reason, let result):
        DrawerReducer.opened(reason, result, state: &state)
        return []
    case .shiftReportPrinted(let result):
        ShiftReportReducer.printed(result, state: &state)
        return []
    }
}
