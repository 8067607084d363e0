import ArrownetDomain
import Foundation

/// Standard output and error, line-buffered writes without Foundation's `print` locking surprises.
///
/// Every byte the command line writes goes through here, so this is where text from
/// outside (a customer's name from Khalti, a journal row an older version wrote) is
/// made inert: `write` keeps line breaks and tabs and shows every other control, DEL,
/// C1 control and bidirectional override as `?` (`OutsideText.lines`). JSON reaches it
/// already escaped (`JSONText`), so it passes unchanged. The program's own cursor
/// movements, the only controls it means to send, have their own method and type.
struct Terminal: Sendable {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// Text for people (or CSV, or JSON): whatever it holds, no control reaches the
    /// terminal but a line break or a tab.
    func write(_ text: String) {
        writeBytes(OutsideText.lines(text))
    }

    /// One of the program's own control sequences, which no outside text can become.
    func write(_ control: TerminalControl) {
        writeBytes(control.sequence)
    }

    /// Redraws the current line (a spinner, a progress bar): back to its start, then `text`.
    func rewriteLine(_ text: String) {
        write(.startOfLine)
        write(text)
    }

    /// A closed pipe (`arrownet history | head`) is not worth a crash: what could not
    /// be written is dropped; the journal, not the screen, is the record.
    private func writeBytes(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}

/// The control sequences the command line itself sends, all to standard error at a
/// terminal (`WaitIndicator`, `ProgressBar`). A closed set: a sequence is added here,
/// never passed in as text.
enum TerminalControl: Sendable {
    /// Carriage return: the next text overwrites the line.
    case startOfLine
    /// Back to the line's start and erase it (`ESC [K`): the spinner gone.
    case clearLine

    var sequence: String {
        switch self {
        case .startOfLine: "\r"
        case .clearLine: "\r\u{1B}[K"
        }
    }
}
