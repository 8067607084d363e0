import Foundation

/// Where the console keeps its files: `$ARROWNET_DATA_DIR`, else
/// `$XDG_DATA_HOME/arrownet`, else `~/.local/share/arrownet`. Created 0700: it holds
/// the payment record of a counter.
enum DataDirectory {
    static func root(environment: [String: String] = ProcessInfo.processInfo.environment) throws(CommandFailure) -> URL {
        try ensure(URL(fileURLWithPath: path(environment: environment), isDirectory: true))
    }

    /// The folder's path, without making it.
    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["ARROWNET_DATA_DIR"], !explicit.isEmpty {
            return explicit
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/arrownet"
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            return home + "/.local/share/arrownet"
        }
    }

    /// The data folder as a URL, without making it (the printer makes its receipts folder).
    static var url: URL { URL(fileURLWithPath: path(), isDirectory: true) }

    /// The embedded sandbox's ledger lives beside the journal, so a sandbox payment
    /// can be looked up after both processes restart.
    static func sandbox() throws(CommandFailure) -> URL {
        try ensure(try root().appendingPathComponent("sandbox", isDirectory: true))
    }

    /// Makes the folder (0700) or checks the one there, with a sentence and exit 11 for
    /// each way it can be unusable, never Foundation's error text.
    static func ensure(_ url: URL) throws(CommandFailure) -> URL {
        if let problem = problem(with: url.path) {
            throw fail(problem, code: ExitCodes.journal)
        }
        return url
    }

    /// Why `path` cannot be the data folder (or a folder in it), or nil once it exists as
    /// a private folder this user can write.
    static func problem(with path: String) -> String? {
        var info = stat()
        if stat(path, &info) != 0 {
            // Missing, or a file stands where one of the folders above it should be.
            guard errno == ENOENT || errno == ENOTDIR else { return "The data folder \(path) cannot be used (\(errnoText()))." }
            do {
                try FileManager.default.createDirectory(
                    atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                return "The data folder \(path) cannot be made (\(creationProblem(path))). Set ARROWNET_DATA_DIR to a folder this user may write."
            }
            return nil
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return "The data folder \(path) is a file, not a folder. Set ARROWNET_DATA_DIR to a folder (or move the file away)."
        }
        if info.st_uid != geteuid() && info.st_mode & 0o077 != 0 {
            return "The data folder \(path) belongs to another user and is open to others (mode \(String(info.st_mode & 0o7777, radix: 8))): "
                + "it would hold customers' payments. Set ARROWNET_DATA_DIR to a private folder of your own."
        }
        guard access(path, W_OK | X_OK) == 0 else {
            return "This user may not write to the data folder \(path) (\(errnoText())). Set ARROWNET_DATA_DIR to a folder this user may write, or fix its permissions."
        }
        return nil
    }

    /// The reason a folder could not be made, from the nearest part of the path that exists.
    private static func creationProblem(_ path: String) -> String {
        var parent = (path as NSString).deletingLastPathComponent
        while !parent.isEmpty, parent != "/", access(parent, F_OK) != 0 {
            parent = (parent as NSString).deletingLastPathComponent
        }
        var info = stat()
        if stat(parent, &info) == 0, info.st_mode & S_IFMT != S_IFDIR { return "\(parent) is a file" }
        if access(parent, W_OK | X_OK) != 0 { return "this user may not write to \(parent)" }
        return "it could not be created"
    }

    private static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
