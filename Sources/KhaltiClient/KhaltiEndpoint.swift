import Foundation

/// Where the Services API lives: Khalti's live or test server, or one of ours on loopback.
public struct KhaltiEndpoint: Sendable, Hashable, CustomStringConvertible {
    public enum Environment: String, Sendable, Hashable {
        case live = "LIVE"
        case uat = "UAT"
        /// A server on this machine: the embedded sandbox or a test double.
        case local = "LOCAL"
    }

    public static let liveURL = "https://services.khalti.com"
    public static let uatURL = "https://uatservices.khalti.com"

    public let baseURL: String
    public let environment: Environment

    public static let live = KhaltiEndpoint(checked: liveURL, environment: .live)
    public static let uat = KhaltiEndpoint(checked: uatURL, environment: .uat)

    private init(checked baseURL: String, environment: Environment) {
        self.baseURL = baseURL
        self.environment = environment
    }

    /// Accepts `live`, `uat`, or a URL. Plain HTTP only to loopback: a token must never
    /// cross a network in clear text.
    public init(parsing text: String) throws(ConfigurationError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch trimmed.lowercased() {
        case "live":
            self = .live
            return
        case "uat", "test":
            self = .uat
            return
        default:
            break
        }
        // The host as written (`encodedHost`), not decoded: decoding an international name
        // loads ICU, and the checks below need only loopback or not, and a name's words.
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              let host = components.encodedHost, !host.isEmpty
        else { throw .invalidBaseURL(trimmed) }
        guard components.query == nil, components.fragment == nil, components.user == nil else {
            throw .invalidBaseURL(trimmed)
        }
        var normalized = trimmed
        while normalized.hasSuffix("/") { normalized.removeLast() }
        let canonicalHost = host.lowercased()
        if scheme == "https" {
            if normalized.lowercased() == Self.liveURL {
                self = .live
            } else if normalized.lowercased() == Self.uatURL {
                self = .uat
            } else {
                self.init(checked: normalized, environment: Self.isLoopback(canonicalHost) ? .local : Self.guessEnvironment(canonicalHost))
            }
        } else if scheme == "http" {
            guard Self.isLoopback(canonicalHost) else { throw .plainHTTPToRemoteHost(canonicalHost) }
            self.init(checked: normalized, environment: .local)
        } else {
            throw .invalidBaseURL(trimmed)
        }
    }

    /// Another HTTPS host (a proxy, a staging mirror): its name says whether it is a test one.
    private static func guessEnvironment(_ host: String) -> Environment {
        host.contains("uat") || host.contains("test") || host.contains("sandbox") ? .uat : .live
    }

    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// A test token against the live server, or a live token against the test server,
    /// is a misconfigured counter: refuse before a request leaves.
    public func check(_ token: KhaltiToken) throws(ConfigurationError) {
        switch environment {
        case .live where token.isTestToken: throw .testTokenOnLive
        case .uat where !token.isTestToken: throw .liveTokenOnTest
        default: break
        }
    }

    public var description: String { "\(environment.rawValue) \(baseURL)" }
}
