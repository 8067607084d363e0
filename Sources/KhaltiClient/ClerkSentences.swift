/// A clerk's message in two parts: what happened, and what to do now.
public struct ClerkSentences: Sendable, Hashable {
    public let reason: String
    /// Empty when `reason` already says what to do.
    public let nextStep: String

    public init(reason: String, nextStep: String) {
        self.reason = reason
        self.nextStep = nextStep
    }

    /// Both, for one line.
    public var joined: String { nextStep.isEmpty ? reason : "\(reason) \(nextStep)" }
}
