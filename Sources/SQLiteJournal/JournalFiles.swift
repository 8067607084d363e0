import Foundation
import PaymentJournal

/// Folder and file permissions of the journal. It names customers and what they paid,
/// so only its owner may read it: folder 0700, the database and its WAL files 0600.
enum JournalFiles {
    static let folderMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600
    /// SQLite's companions of a WAL database; they hold recent payments too.
    static let companionSuffixes = ["-wal", "-shm"]

    /// Creates the folder 0700, or tightens one of ours that is open to others.
    /// A folder of another user that others can reach is refused rather than used.
    static func prepareFolder(_ folder: String) throws(JournalError) {
        var info = stat()
        if stat(folder, &info) != 0 {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: Int(folderMode)])
            } catch {
                throw .folderUnusable(path: folder, reason: "it could not be created: \(error.localizedDescription)")
            }
            // createDirectory's mode passes through the umask; say exactly what we mean.
            guard chmod(folder, folderMode) == 0 else {
                throw .folderUnusable(path: folder, reason: "its mode could not be set: \(errnoText())")
            }
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .folderUnusable(path: folder, reason: "it is not a folder")
        }
        guard info.st_mode & 0o077 != 0 else { return }
        guard info.st_uid == geteuid() else {
            throw .folderNotPrivate(path: folder, mode: String(info.st_mode & 0o7777, radix: 8))
        }
        guard chmod(folder, folderMode) == 0 else {
            throw .folderUnusable(path: folder, reason: "its mode could not be made 700: \(errnoText())")
        }
    }

    /// Creates the database file 0600 before SQLite opens it, so that SQLite, which
    /// gives the WAL files the mode of the database, never makes a readable one.
    /// Returns false when the file already existed (it is then left as it is).
    static func createIfMissing(_ path: String) throws(JournalError) -> Bool {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, fileMode)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw .cannotOpen(path: path, reason: errnoText())
        }
        defer { close(descriptor) }
        // The mode given to open passes through the umask; say exactly what we mean.
        guard fchmod(descriptor, fileMode) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        return true
    }

    /// Makes an existing journal file 0600. Called only once the file is known to be
    /// a journal this program may write, so a refused file is not touched at all.
    static func tighten(_ path: String) throws(JournalError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(path: path, reason: errnoText()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .cannotOpen(path: path, reason: "it is not a regular file") }
        if info.st_mode & 0o7777 != fileMode, chmod(path, fileMode) != 0 {
            throw .cannotOpen(path: path, reason: "its mode could not be made 600: \(errnoText())")
        }
    }

    /// Tightens the WAL companions, in case an older run or another tool made them.
    static func tightenCompanions(of path: String) {
        for suffix in companionSuffixes {
            let companion = path + suffix
            var info = stat()
            if stat(companion, &info) == 0, info.st_mode & 0o7777 != fileMode {
                _ = chmod(companion, fileMode)
            }
        }
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
