import Foundation

/// Where the console keeps its files: `$ARROWNET_DATA_DIR`, else
/// `$XDG_DATA_HOME/arrownet`, else `~/.local/share/arrownet`. Created 0700: it holds
/// the payment record of a counter.
enum DataDirectory {
    static func root(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
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

    /// The embedded sandbox's ledger lives beside the journal, so a sandbox payment
    /// can be looked up after both processes restart.
    static func sandbox() throws -> URL {
        try ensure(try root().appendingPathComponent("sandbox", isDirectory: true))
    }

    static func ensure(_ url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return url
    }
}
