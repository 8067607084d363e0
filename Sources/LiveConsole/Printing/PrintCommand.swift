import ConsoleCore
import Foundation
import KhaltiClient

/// Runs the counter's print command once with the receipt on its standard input.
///
/// The command is the counter's own setting, run by `/bin/sh -c`; the receipt goes
/// on standard input, never on the command line, so no customer text is ever parsed
/// by the shell.
struct PrintCommand: Sendable {
    let command: String
    let timeout: Duration
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

        // A print wrapper that logs its environment must not log the token.
        let child = ChildProcess(command: command, environment: environment.filter { $0.key != ConsoleSettings.tokenVariable })
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

/// The command's output and errors go to a private temporary file, not a pipe: a
/// command that prints a lot, or leaves a child holding the pipe, cannot block us.
private struct OutputFile {
    let path: String
    let descriptor: Int32

    init() throws(ChildProcessError) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-print-\(UUID().uuidString).txt").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .system("open", errno) }
    }

    /// What the command said, on one line, trimmed.
    func text(limit: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
        return text.count > limit ? String(text.prefix(limit - 3)) + "..." : text
    }

    func remove() {
        close(descriptor)
        unlink(path)
    }
}
