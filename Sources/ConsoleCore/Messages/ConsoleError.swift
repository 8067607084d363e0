import ArrownetDomain

/// Something went wrong, as the clerk reads it: what happened and what to do next.
///
/// ConsoleCore never sees the Khalti client's error types; the layer that calls
/// Khalti or the journal turns its errors into this plain value.
public struct ConsoleError: Error, Hashable, Sendable {
    public let kind: ErrorKind
    /// What happened, one sentence.
    public let reason: String
    /// What the clerk does now, one sentence.
    public let nextStep: String

    public init(kind: ErrorKind, reason: String, nextStep: String) {
        self.kind = kind
        self.reason = reason
        self.nextStep = nextStep
    }

    /// A Khalti error code with its meaning and next step; `khaltiSaid` is Khalti's
    /// own detail, added in brackets when it says something more.
    public init(code: KhaltiErrorCode, khaltiSaid: String? = nil) {
        let detail = khaltiSaid.flatMap { $0.isEmpty ? nil : " (Khalti: \($0.prefix(160)))" } ?? ""
        self.init(kind: code.kind, reason: code.meaning + detail, nextStep: code.nextStep)
    }

    /// Khalti's "can't fulfil" (4000) to a details call: the username is unknown.
    public static func unknownCustomer(_ username: Username) -> ConsoleError {
        ConsoleError(
            kind: .notFound, reason: "No Arrownet customer with username \(username.value).",
            nextStep: KhaltiErrorCode.clientError.nextStep
        )
    }

    /// Both sentences, for a single line. A caller whose text already ends with the
    /// next step (the Khalti client's explanations do) passes an empty `nextStep`.
    public var sentence: String { nextStep.isEmpty ? reason : "\(reason) \(nextStep)" }
}
