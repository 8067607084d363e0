import Foundation

/// Standard output and error, line-buffered writes without Foundation's `print` locking surprises.
struct Terminal: Sendable {
    let handle: FileHandle
    let descriptor: Int32

    static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
    static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

    var isInteractive: Bool { isatty(descriptor) == 1 }

    /// A closed pipe (`arrownet history | head`) is not worth a crash: what could not
    /// be written is dropped; the journal, not the screen, is the record.
    func write(_ text: String) {
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
