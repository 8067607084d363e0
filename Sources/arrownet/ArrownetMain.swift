import ArgumentParser
import CursesTerminal
import Dispatch

/// Where the process starts.
///
/// `arrownet` with no arguments, as a clerk starts it, opens the console straight away;
/// anything else goes through the argument parser. To build its argument tables the
/// parser reflects over every command's properties, and each first type check there
/// searches all of this statically linked binary's ~10,000 protocol conformances: a few
/// milliseconds before the first screen, which the clerk waits for every time.
///
/// The entry point is synchronous and waits for the async work on a semaphore: Swift's
/// async `main` ends the main thread with `pthread_exit`, whose unwinding reads the
/// binary's whole unwind table (about 2 MB resident). Nothing here runs on the main
/// actor, so blocking the main thread holds nothing up (README "Benchmarks").
@main
enum ArrownetMain {
    static func main() {
        // The waiting main thread must not take a resize meant for the terminal thread.
        CursesTerminal.leaveResizesToTerminalThread()
        let finished = DispatchSemaphore(value: 0)
        Task.detached {
            await run(CommandLine.arguments.dropFirst())
            finished.signal()
        }
        finished.wait()
    }

    static func run(_ arguments: ArraySlice<String>) async {
        guard arguments.isEmpty else {
            await Arrownet.main()
            return
        }
        do {
            try await CounterConsole(baseURLFlag: nil, noColor: false).run()
        } catch {
            Arrownet.exit(withError: error)
        }
    }
}
