import Dispatch
import Foundation

/// While a payment is on its way, Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT), SIGTERM and SIGHUP
/// do not stop the process: the money may be moving, and only this process can record
/// Khalti's answer. (SIGQUIT would also dump core; core dumps are off, see `CoreDumps`.)
/// Each says so on standard error; the process waits for the answer, records it, and
/// leaves as usual. Before and after the payment the signals act as they always do.
final class PaymentInterrupts: @unchecked Sendable {
    // Set once in init, cancelled once in `end`.
    private let sources: [any DispatchSourceSignal]
    static let signals = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]
    static let sentence = "The payment is on its way to Khalti and will be recorded: waiting for the answer (at most 60 s). "
        + "Do not close this window."

    init(terminal: Terminal = .standardError) {
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { terminal.write("\n" + Self.sentence + "\n") }
            source.resume()
            return source
        }
    }

    /// The payment is recorded: signals act as usual again.
    func end() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
