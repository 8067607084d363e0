import ArrownetDomain
import Foundation

/// The console's whole behaviour: applies `action` to `state` and says which
/// effects the runtime must perform. Pure: no clock, no I/O, no randomness.
public func reduce(into state: inout ConsoleState, action: ConsoleAction) -> [ConsoleEffect] {
    switch action {
    case .started(let time):
        state.now = time
        state.showsHeldPaymentsWhenLoaded = true
        return [.loadHeldPayments, .loadBalance]
    case .key(let key, let time):
        state.now = time
        state.statusMessage = nil
        return KeyReducer.press(key, at: time, state: &state)
    case .tick(let time):
        state.now = time
        ProgressReducer.advance(to: time, state: &state)
        return []
    case .accountLoaded(let fetchID, let result):
        return AccountReducer.loaded(fetchID, result, state: &state)
    case .paymentFinished(let outcome, let time):
        state.now = time
        return PaymentReducer.finished(outcome, at: time, state: &state)
    case .heldPaymentsLoaded(let result):
        return HeldPaymentsReducer.loaded(result, state: &state)
    case .heldPaymentsLookedUp(let result):
        return HeldPaymentsReducer.lookedUp(result, state: &state)
    case .balanceLoaded(.success(let balance)):
        state.header.balance = balance
        state.header.balanceProblem = nil
        return []
    case .balanceLoaded(.failure(let error)):
        state.header.balanceProblem = error.reason
        return []
    case .receiptPrinted(let result):
        PaymentReducer.receiptPrinted(result, state: &state)
        return []
    }
}

/// Elapsed seconds on the screens that wait for the network.
enum ProgressReducer {
    static func advance(to time: Date, state: inout ConsoleState) {
        switch state.screen {
        case .loading(var loading):
            loading.elapsedSeconds = wholeSeconds(from: loading.startedAt, to: time)
            state.screen = .loading(loading)
        case .sending(var sending):
            sending.elapsedSeconds = wholeSeconds(from: sending.startedAt, to: time)
            state.screen = .sending(sending)
        default:
            break
        }
    }

    static func wholeSeconds(from start: Date, to end: Date) -> Int {
        max(0, Int(end.timeIntervalSince(start).rounded(.down)))
    }
}
