/// A configuration the console refuses to run with. Messages never include the token.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyToken
    case malformedToken
    case invalidBaseURL(String)
    case plainHTTPToRemoteHost(String)
    case testTokenOnLive
    case liveTokenOnTest
    case tokenFileTooOpen(path: String, mode: String)
    case unreadableFile(path: String, reason: String)
    case invalidSetting(file: String, line: Int, problem: String)
    case noTokenForRemote(String)

    public var description: String {
        switch self {
        case .emptyToken:
            "The Khalti token is empty."
        case .malformedToken:
            "The Khalti token contains spaces or unprintable characters; copy it again."
        case .invalidBaseURL(let text):
            "\"\(text)\" is not a Khalti base URL; use live, uat or a URL such as https://uatservices.khalti.com."
        case .plainHTTPToRemoteHost(let host):
            "Refusing plain http to \(host): the token would cross the network unencrypted. Use https."
        case .testTokenOnLive:
            "A TEST: token is configured for the live Khalti server. Use --base-url uat, or the live token."
        case .liveTokenOnTest:
            "A live token is configured for Khalti's test (UAT) server. Use --base-url live, or a TEST: token."
        case .tokenFileTooOpen(let path, let mode):
            "The token file \(path) is readable by others (mode \(mode)). Run: chmod 600 \(path)"
        case .unreadableFile(let path, let reason):
            "Cannot read \(path): \(reason)."
        case .invalidSetting(let file, let line, let problem):
            "\(file), line \(line): \(problem)."
        case .noTokenForRemote(let url):
            "No Khalti token is configured for \(url). Set KHALTI_TOKEN or write it to the token file (see README)."
        }
    }
}
