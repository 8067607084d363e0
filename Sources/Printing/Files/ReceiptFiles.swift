import ArrownetDomain
import ConsoleCore
import Foundation

/// Receipts as text files, one per print: `2025-11-27_Counter1-A1B2C3D4E5.txt`, a
/// reprint beside it as `..._reprint.txt`, `..._reprint-2.txt`. A file is never
/// overwritten: each is what was handed to a customer.
enum ReceiptFiles {
    /// The folder is made 0700 and files 0600: receipts carry customers' names.
    static func save(_ text: String, of receipt: Receipt, in folder: URL, calendar: CounterCalendar) throws(ConsoleError) -> URL {
        try save(text, stem: baseName(of: receipt, calendar: calendar), in: folder, kind: "receipt", name: receipt.number)
    }

    /// Any document (a shift report) as `<stem>.txt`, `<stem>-2.txt`...; `kind` and
    /// `name` say which in sentences ("report Counter1-shift-3").
    static func save(_ text: String, stem: String, in folder: URL, kind: String, name: String) throws(ConsoleError) -> URL {
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw failure("The receipts folder \(folder.path) cannot be made (\(error.localizedDescription)).")
        }
        for attempt in 1...100 {
            let name = attempt == 1 ? "\(stem).txt" : "\(stem)-\(attempt).txt"
            let file = folder.appendingPathComponent(name)
            switch write(text, toNew: file.path) {
            case .written: return file
            case .exists: continue
            case .failed(let reason): throw failure("The \(kind) could not be saved to \(file.path) (\(reason)).")
            }
        }
        throw failure("The receipts folder \(folder.path) already has 100 copies of \(kind) \(name).")
    }

    /// Letters, digits, `-` and `_` of `name`: a file name that can never leave the folder.
    static func stem(_ name: String, otherwise fallback: String) -> String {
        let kept = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        return kept.isEmpty ? fallback : kept
    }

    static func baseName(of receipt: Receipt, calendar: CounterCalendar) -> String {
        // The number is counter letters and reference characters; anything else is
        // dropped so a name can never leave the folder.
        let number = receipt.number.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return "\(ClerkDates.day(receipt.paidAt, in: calendar))_\(number.isEmpty ? "receipt" : number)"
            + (receipt.isReprint ? "_reprint" : "")
    }

    enum WriteResult {
        case written
        case exists
        case failed(String)

        var isWritten: Bool {
            if case .written = self { return true }
            return false
        }
    }

    /// O_EXCL: a new file or nothing, created 0600 before a byte is written.
    static func write(_ text: String, toNew path: String) -> WriteResult {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            return errno == EEXIST ? .exists : .failed(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                // Half a receipt is not a copy of what the customer got.
                unlink(path)
                return .failed(reason)
            }
            bytes = bytes.dropFirst(written)
        }
        return .written
    }

    private static func failure(_ reason: String) -> ConsoleError {
        ConsoleError(
            kind: .unavailable, reason: reason,
            nextStep: "Check the data folder, then print again: r on the result screen, Ctrl-R on the username screen.")
    }
}
