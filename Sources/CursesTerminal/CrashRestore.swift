import CNCurses
import Foundation

/// Restores the terminal when the process dies of a signal it cannot recover from,
/// so a crash leaves a usable shell behind. SIGINT, SIGTERM and SIGHUP are handled
/// by the console's own loop (it restores on the way out); these are the rest.
enum CrashRestore {
    static func install() {
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP] {
            signal(signalNumber) { received in
                // Not async-signal-safe, but the process is dying: leaving the terminal in
                // raw mode is the worse outcome.
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
