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
        // First of all, before the token is read: no copy of this memory on disk (CoreDumps).
        CoreDumps.disable()
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
            await runCommand(Array(arguments))
            return
        }
        do {
            try await CounterConsole(baseURLFlag: nil, noColor: false).run()
        } catch {
            FailureReport.exit(with: error, arguments: [])
        }
    }

    /// A command line: a mistyped command is named with a suggestion before the parser
    /// would read it as the console's arguments; every failure leaves through
    /// `FailureReport`, which gives JSON commands their error object.
    static func runCommand(_ arguments: [String]) async {
        if let problem = CommandNames.unknownCommand(in: arguments) {
            FailureReport.exit(with: fail(problem, code: ExitCodes.usage), arguments: arguments)
        }
        do {
            var command = try Arrownet.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            FailureReport.exit(with: error, arguments: arguments)
        }
    }
}
