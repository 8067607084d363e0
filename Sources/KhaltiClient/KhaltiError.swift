import ArrownetDomain

/// Khalti said no: an answer with `status: false` and an error code. Every text in
/// it has been scrubbed of the token before it was stored.
public struct ServiceRefusal: Error, Equatable, Sendable {
    /// nil when the code is not one the protocol lists; `rawCode` keeps what was sent.
    public let code: KhaltiErrorCode?
    public let rawCode: String
    public let message: String?
    public let details: String?
    /// Per-field messages of validation errors (1010, 1011).
    public let fieldErrors: [String: String]

    public init(code rawCode: String, message: String?, details: String?, fieldErrors: [String: String] = [:]) {
        self.code = KhaltiErrorCode(code: rawCode)
        self.rawCode = rawCode
        self.message = message
        self.details = details
        self.fieldErrors = fieldErrors
    }

    public var kind: ErrorKind { code?.kind ?? .unavailable }

    /// The sentence for the clerk, with the next step.
    public func explanation(username: Username? = nil) -> String {
        clerkSentences(username: username).joined
    }

    /// What happened and what the clerk does next, apart, for screens that show them
    /// apart. A 4000 to a details call for `username` means the username is unknown.
    public func clerkSentences(username: Username? = nil) -> ClerkSentences {
        if code == .clientError, let username, details?.lowercased().contains("not found") ?? true {
            return ClerkSentences(
                reason: "No Arrownet customer with username \(username.value).", nextStep: KhaltiErrorCode.clientError.nextStep)
        }
        guard let code else {
            return ClerkSentences(
                reason: "Khalti refused the request (code \(rawCode.prefix(12))\(serverWords)).",
                nextStep: "Try again; if it persists, call support.")
        }
        return ClerkSentences(reason: "\(code.meaning)\(serverWords)", nextStep: code.nextStep)
    }

    /// What Khalti itself said, when it adds something, e.g. ` (amount: Invalid amount)`.
    private var serverWords: String {
        var said: [String] = []
        if let details, !details.isEmpty { said.append(String(details.prefix(160))) }
        for field in fieldErrors.keys.sorted() {
            said.append("\(field.prefix(30)): \(fieldErrors[field]!.prefix(120))")
        }
        return said.isEmpty ? "" : " (Khalti: \(said.joined(separator: "; ")))"
    }
}

/// Why a call to Khalti gave no usable answer. Descriptions are for people and never
/// contain the token: server text is scrubbed before it gets here, and requests
/// are never quoted.
public enum KhaltiError: Error, Equatable, Sendable, CustomStringConvertible {
    case refused(ServiceRefusal)
    /// An HTTP error status without a Khalti error body (a proxy's HTML page, say).
    case httpStatus(Int, body: BodyKind)
    case unreadableAnswer(httpStatus: Int, problem: String)
    case timedOut(seconds: Int)
    case cannotConnect(String)
    case connectionLost
    case redirectRefused(httpStatus: Int)
    case answerTooLarge(limitBytes: Int)
    case configuration(ConfigurationError)

    public enum BodyKind: String, Equatable, Sendable {
        case html = "an HTML page"
        case text = "a non-JSON body"
        case json = "a JSON body without an error code"
        case empty = "no body"
    }

    public var kind: ErrorKind {
        switch self {
        case .refused(let refusal): refusal.kind
        case .configuration: .tokenOrAccount
        case .httpStatus(404, _): .requestRejected
        default: .unavailable
        }
    }

    public var description: String { explanation(username: nil) }

    public func explanation(username: Username?) -> String {
        clerkSentences(username: username).joined
    }

    /// What happened and what the clerk does next, apart; `explanation` joins them.
    public func clerkSentences(username: Username?) -> ClerkSentences {
        switch self {
        case .refused(let refusal):
            refusal.clerkSentences(username: username)
        case .httpStatus(let status, let body):
            ClerkSentences(reason: "Khalti answered HTTP \(status) with \(body.rawValue).", nextStep: "Try again in a few minutes.")
        case .unreadableAnswer(let status, let problem):
            ClerkSentences(
                reason: "Khalti's answer (HTTP \(status)) could not be read: \(problem).",
                nextStep: "Try again; if it persists, call support.")
        case .timedOut(let seconds):
            ClerkSentences(reason: "Khalti did not answer within \(seconds) s.", nextStep: "Check the connection and try again.")
        case .cannotConnect(let reason):
            ClerkSentences(reason: "Cannot reach Khalti (\(reason)).", nextStep: "Check the network and try again.")
        case .connectionLost:
            ClerkSentences(reason: "The connection to Khalti was lost before the answer arrived.", nextStep: "Try again.")
        case .redirectRefused(let status):
            ClerkSentences(
                reason: "Khalti answered with a redirect (HTTP \(status)), which the console does not follow.",
                nextStep: "Check the base URL.")
        case .answerTooLarge(let limit):
            ClerkSentences(reason: "Khalti's answer was larger than \(limit / 1024) KiB and was refused.", nextStep: "Call support.")
        case .configuration(let problem):
            // Configuration messages say what to change themselves.
            ClerkSentences(reason: problem.description, nextStep: "")
        }
    }
}
