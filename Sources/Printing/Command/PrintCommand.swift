import ConsoleCore
import Foundation

/// Runs the counter's print command once with the receipt on its standard input.
///
/// The command is the counter's own setting, run by `/bin/sh -c`; the receipt goes
/// on standard input, never on the command line, so no customer text is ever parsed
/// by the shell.
struct PrintCommand: Sendable {
    let command: String
    let timeout: Duration
    /// Already cut to the allow-list (`ChildEnvironment`): a print wrapper that logs its
    /// environment must not log the token or a database password.
    let environment: [String: String]

    /// What the command printed is kept to this many characters for the clerk.
    static let outputLimit = 200

    func run(input: String) async throws(ConsoleError) -> String {
        let output: OutputFile
        do {
            output = try OutputFile()
        } catch {
            throw failure("The print command's output file could not be made (\(error.description)).")
        }
        defer { output.remove() }

        let child = ChildProcess(command: command, environment: environment)
        let ending: ChildProcess.Ending
        do {
            ending = try await child.run(input: Data(input.utf8), output: output.descriptor, timeout: timeout)
        } catch {
            throw failure("The print command (\(shown)) could not be started (\(error.description)).")
        }
        let said = output.text(limit: Self.outputLimit)
        let saying = said.isEmpty ? "" : " It said: \(said)"
        switch ending {
        case .exited(0):
            return said.isEmpty ? "sent to the printer (\(shown))" : "sent to the printer (\(shown)): \(said)"
        case .exited(let status):
            throw failure("The print command (\(shown)) failed with exit status \(status).\(saying)")
        case .signalled(let signal):
            throw failure("The print command (\(shown)) was stopped by signal \(signal).\(saying)")
        case .timedOut:
            throw failure("The printer did not finish within \(Self.seconds(timeout)) s and was stopped (\(shown)).")
        }
    }

    private var shown: String { command.count > 60 ? command.prefix(57) + "..." : command }

    private func failure(_ reason: String) -> ConsoleError {
        ConsoleError(
            kind: .unavailable, reason: reason,
            nextStep: "Check the printer, then print again: r on the result screen, Ctrl-R on the username screen.")
    }

    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
