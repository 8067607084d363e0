import Foundation

/// Where the shared journal lives: `postgres://USER@HOST:PORT/DATABASE[?sslmode=MODE]`
/// (`ARROWNET_JOURNAL_URL`, or `journal_url` in the config file).
///
/// The password is never part of it: it comes from `PGPASSWORD` or the password file
/// (`PGPASSFILE`, else `~/.pgpass`, with libpq's rules), so it is never on a command
/// line, in a config file that is copied around, or in a sentence that names the journal.
/// A server that is not on loopback is reached with TLS: `sslmode=require` (encrypted)
/// by default, `verify-full` also checks its certificate and name; `disable` (plain) is
/// refused unless the server is on loopback.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        case disable
        case prefer
        case require
        case verifyFull = "verify-full"
    }

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    public let tlsMode: TLSMode

    /// Whether the server is on this machine's loopback (no TLS needed).
    public var isLoopback: Bool { Self.isLoopback(host) }

    /// "localhost", "::1", or an IPv4 address in 127.0.0.0/8 written as one: a name that
    /// merely starts with "127." is whatever DNS makes of it.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.lowercased()
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The URL without any password: safe in every sentence and log.
    public var description: String {
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)"
    }

    public static let urlVariable = "ARROWNET_JOURNAL_URL"

    /// Reads the URL; every mistake is one sentence that never repeats a password.
    public init(parsing text: String) throws(PostgresAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw .unreadable("it is not a URL like postgres://USER@HOST:5432/DATABASE")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw .unreadable("it starts with \(scheme):// where postgres:// is expected")
        }
        guard components.password == nil else { throw .passwordInURL }
        guard let user = components.user, !user.isEmpty else {
            throw .unreadable("it names no user: postgres://USER@HOST:5432/DATABASE")
        }
        // URLComponents keeps an IPv6 literal's brackets; the resolver and the password file want it bare.
        guard var host = components.host, !host.isEmpty else { throw .unreadable("it names no server") }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .unreadable("it names no database: postgres://USER@HOST:5432/DATABASE")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw .unreadable("port \(port) is not a port") }
        var mode: TLSMode?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let chosen = TLSMode(rawValue: value) else {
                    throw .unreadable("sslmode is one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                mode = chosen
            case "password":
                throw .passwordInURL
            default:
                throw .unreadable("it has a setting this program does not know: \(item.name) (only sslmode)")
            }
        }
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        let loopback = Self.isLoopback(host)
        let chosen = mode ?? (loopback ? .prefer : .require)
        if !loopback, chosen == .disable || chosen == .prefer {
            throw .plainToRemote(host)
        }
        tlsMode = chosen
    }

    /// The password for this address: `PGPASSWORD`, else the first matching line of the
    /// password file (`host:port:database:user:password`, `*` matches anything, `\`
    /// escapes `:` and `\`). nil when neither has one (trust or peer authentication), or
    /// when the file may be read by group or others, which libpq ignores too.
    public func password(environment: [String: String], home: String = NSHomeDirectory()) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.pgpass"
        // As libpq: a password file others may read is not used (README says chmod 600).
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & 0o077 == 0 else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let fields = Self.passFields(String(line))
            guard fields.count == 5, !fields[0].hasPrefix("#") else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func passFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

public enum PostgresAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case passwordInURL
    case plainToRemote(String)

    public var description: String {
        switch self {
        case .unreadable(let problem):
            "The journal URL cannot be used: \(problem)."
        case .passwordInURL:
            "The journal URL holds a password. Take it out: put the password in PGPASSWORD or ~/.pgpass "
                + "(host:port:database:user:password, mode 600), never in a URL that is written down or shown."
        case .plainToRemote(let host):
            "The journal server \(host) is not on this machine, so it is reached with TLS: remove sslmode=disable/prefer "
                + "(the default is require; verify-full also checks its certificate)."
        }
    }
}
