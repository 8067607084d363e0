import Foundation
import Synchronization

/// An exclusive `flock` on a small file, for what several processes on one machine
/// must not do at once (setting up a SQLite file) and for telling whether a process
/// is still alive (it holds its lock until it exits).
///
/// `flock`, not `fcntl`: an fcntl lock belongs to the process and is dropped when the
/// process closes *any* descriptor of the file, while a flock belongs to the open file
/// description and is dropped only when that one closes, or when the process dies,
/// whatever the way (SIGKILL included). The kernel releasing it is what makes a
/// process "provably gone". Never taken on a database file itself: SQLite holds fcntl
/// locks there that a stray close would drop.
public final class FileLock: Sendable {
    public let path: String
    /// nil once released. Closing a descriptor twice would close whatever file got its
    /// number in between (another database, say), so release happens once.
    private let descriptor: Mutex<Int32?>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Waits for the lock, creating the file (0600) when missing.
    public static func acquire(_ path: String) throws(FileLockError) -> FileLock {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileLockError(path: path, reason: errnoText()) }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let reason = errnoText()
            close(descriptor)
            throw FileLockError(path: path, reason: "it could not be locked: \(reason)")
        }
        return FileLock(path: path, descriptor: descriptor)
    }

    public enum TryResult: Sendable {
        case acquired(FileLock)
        /// Another open file holds it: its owner lives.
        case heldElsewhere
        case missing
        /// The file could not be opened or locked for another reason: nothing is known.
        case failed
    }

    /// The lock on an existing file if nobody holds it.
    public static func tryAcquire(existing path: String) -> TryResult {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        if descriptor < 0 { return errno == ENOENT ? .missing : .failed }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return .acquired(FileLock(path: path, descriptor: descriptor)) }
        let held = errno == EWOULDBLOCK
        close(descriptor)
        return held ? .heldElsewhere : .failed
    }

    /// Releases the lock, removing the file first when asked (while still holding it, so
    /// nobody finds the file unlocked and takes it for a live owner's). Only the first
    /// call does anything.
    public func release(removingFile: Bool = false) {
        guard let held = descriptor.withLock({ descriptor in defer { descriptor = nil }; return descriptor }) else { return }
        if removingFile { unlink(path) }
        flock(held, LOCK_UN)
        close(held)
    }

    /// Runs `body` holding the lock on `path`.
    public static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let lock = try acquire(path)
        defer { lock.release() }
        return try body()
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

/// A lock file that could not be made or locked.
public struct FileLockError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}
