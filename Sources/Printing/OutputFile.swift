import ArrownetDomain
import Foundation

/// A child's output and errors go to a private temporary file, not a pipe: a
/// command that prints a lot, or leaves a child holding the pipe, cannot block us.
struct OutputFile {
    let path: String
    let descriptor: Int32

    init() throws(ChildProcessError) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-print-\(UUID().uuidString).txt").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .system("open", errno) }
    }

    /// What the command said, on one line, trimmed, and safe to show the clerk
    /// (`OutsideText.line`): a print command or pango-view is another program.
    func text(limit: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let said = String(decoding: data.prefix(4096), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: " ")
        let text = OutsideText.line(said)
        return text.count > limit ? String(text.prefix(limit - 3)) + "..." : text
    }

    func remove() {
        close(descriptor)
        unlink(path)
    }
}
