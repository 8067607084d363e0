/// A configuration the console refuses to run with. Messages never include the token.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyToken
    case malformedToken
    case invalidBaseURL(String)
    case plainHTTPToRemoteHost(String)
    case testTokenOnLive
    case liveTokenOnTest
    case tokenFileTooOpen(path: String, mode: String)
    /// The token file exists but holds nothing but white space.
    case emptyTokenFile(path: String)
    /// The token file holds spaces or unprintable characters inside the token.
    case malformedTokenFile(path: String)
    /// A folder (or a device) where the token file should be.
    case tokenFileNotAFile(path: String)
    case unreadableFile(path: String, reason: String)
    case invalidSetting(file: String, line: Int, problem: String)
    case noTokenForRemote(String)
    /// An environment variable set to nothing, or to blanks.
    case blankVariable(String)
    /// `bs_calendar` names a table that cannot be read or fails its checks: the
    /// table's own sentence, with its file and line.
    case calendarTable(String)

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
        case .emptyTokenFile(let path):
            "The token file \(path) is empty. Write the Khalti token in it (one line), or remove the file to use the sandbox."
        case .malformedTokenFile(let path):
            "The token in \(path) contains spaces or unprintable characters inside it; copy the token into the file again."
        case .tokenFileNotAFile(let path):
            "\(path) is a folder, not the token file. Remove the folder, then save the Khalti token as a file by that name."
        case .unreadableFile(let path, let reason):
            "Cannot read \(path): \(reason)."
        case .invalidSetting(let file, let line, let problem):
            "\(file), line \(line): \(problem)."
        case .noTokenForRemote(let url):
            "No Khalti token is configured for \(url). Set KHALTI_TOKEN or write it to the token file (see README)."
        case .blankVariable(let name):
            "\(name) is set but empty. Give it a value, or unset it (unset \(name)) to use the config files"
                + (name == ConsoleSettings.tokenVariable ? " or, with no token at all, the sandbox." : ".")
        case .calendarTable(let problem):
            "\(problem) Fix the file, or remove bs_calendar from the config to use the calendar built in."
        }
    }
}
