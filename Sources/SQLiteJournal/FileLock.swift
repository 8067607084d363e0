import Foundation
import PaymentJournal
import Synchronization

/// An exclusive `flock` on a small file beside the journal.
///
/// `flock`, not `fcntl`: an fcntl lock belongs to the process and is dropped when the
/// process closes *any* descriptor of the file, while a flock belongs to the open file
/// description and is dropped only when that one closes, or when the process dies,
/// whatever the way (SIGKILL included). The kernel releasing it is what makes a
/// process "provably gone". Never taken on the database file itself: SQLite holds
/// fcntl locks there that a stray close would drop.
final class FileLock: Sendable {
    let path: String
    /// nil once released. Closing a descriptor twice would close whatever file got its
    /// number in between (another journal's database, say), so release happens once.
    private let descriptor: Mutex<Int32?>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Waits for the lock, creating the file (0600) when missing.
    static func acquire(_ path: String) throws(JournalError) -> FileLock {
        let descriptor = try open(path)
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = JournalFiles.errnoText()
            close(descriptor)
            throw .cannotOpen(path: path, reason: "it could not be locked: \(reason)")
        }
        return FileLock(path: path, descriptor: descriptor)
    }

    /// The lock if nobody holds it; nil when another open file holds it (its owner lives).
    static func tryAcquire(existing path: String) -> TryResult {
        let descriptor = Foundation.open(path, O_RDWR | O_CLOEXEC)
        if descriptor < 0 { return errno == ENOENT ? .missing : .failed }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return .acquired(FileLock(path: path, descriptor: descriptor)) }
        let held = errno == EWOULDBLOCK
        close(descriptor)
        return held ? .heldElsewhere : .failed
    }

    enum TryResult {
        case acquired(FileLock)
        case heldElsewhere
        case missing
        /// The file could not be opened or locked for another reason: nothing is known.
        case failed
    }

    private static func open(_ path: String) throws(JournalError) -> Int32 {
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_CLOEXEC, JournalFiles.fileMode)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: JournalFiles.errnoText()) }
        return descriptor
    }

    /// Releases the lock, removing the file first when asked (while still holding it, so
    /// nobody finds the file unlocked and takes it for a live owner's).
    func release(removingFile: Bool = false) {
        guard let held = descriptor.withLock({ descriptor in defer { descriptor = nil }; return descriptor }) else { return }
        if removingFile { unlink(path) }
        flock(held, LOCK_UN)
        close(held)
    }
}
