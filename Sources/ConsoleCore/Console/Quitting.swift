/// Ctrl-Q, Ctrl-C, SIGINT, SIGQUIT, SIGTERM and SIGHUP: the console quits at once, except
/// while a payment is on its way; then the sending screen says it will quit, and it
/// does once Khalti's answer is recorded (`SendingReducer.finished`).
enum Quitting {
    static func request(state: inout ConsoleState) -> [ConsoleEffect] {
        let sending = state.update(SendingScreen.self) { sending, _ in
            sending.quitsWhenRecorded = true
            return .stay()
        }
        return sending == nil ? [.quit] : []
    }
}
