import Foundation
import PaymentJournal
import ProcessLocks

/// Who is alive among the processes that write to one SQLite journal.
///
/// Each open journal holds an exclusive flock on `<journal>.owners/<owner>.lock` until it
/// closes or its process dies. Recovery moves a payment left `prepared` or `sending`
/// only when its owner's lock is free (or the file is gone): then the process that was
/// sending it is provably gone, and nothing can still be on its way. A payment of a
/// process that is merely slow is never touched.
struct OwnerLocks: Sendable {
    let folder: String

    init(journalPath: String) {
        folder = journalPath + ".owners"
    }

    /// A new owner name for this process (letters, digits and `-` only: it is a file name).
    static func newOwner() -> String {
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next() as UInt64, radix: 16)
        return "pid\(getpid())-\(suffix)"
    }

    /// Takes this owner's lock, for as long as the journal stays open.
    func hold(_ owner: String) throws(JournalError) -> FileLock {
        try JournalFiles.prepareFolder(folder)
        do {
            return try FileLock.acquire(path(of: owner))
        } catch {
            throw .cannotOpen(path: error.path, reason: error.reason)
        }
    }

    /// Whether the process that wrote as `owner` is provably gone. A dead owner's lock
    /// file is removed on the way, so the folder does not fill up.
    func isGone(_ owner: String) -> Bool {
        switch FileLock.tryAcquire(existing: path(of: owner)) {
        case .acquired(let lock):
            lock.release(removingFile: true)
            return true
        case .missing:
            return true
        case .heldElsewhere, .failed:
            return false
        }
    }

    private func path(of owner: String) -> String {
        // Owners come from `newOwner`; anything else is kept inside the folder.
        let safe = owner.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        return folder + "/" + (safe.isEmpty ? "unnamed" : safe) + ".lock"
    }
}
