import ArrownetDomain

/// Something went wrong, as the clerk reads it: what happened and what to do next.
///
/// ConsoleCore never sees the Khalti client's or the journal's error types; the layer
/// that calls them (LiveConsole, `ConsoleError(khalti:username:)` and
/// `ConsoleError(journal:)`) turns their errors into this plain value.
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

    /// Both sentences, for a single line. A caller whose text already ends with the
    /// next step (the Khalti client's explanations do) passes an empty `nextStep`.
    public var sentence: String { nextStep.isEmpty ? reason : "\(reason) \(nextStep)" }
}
