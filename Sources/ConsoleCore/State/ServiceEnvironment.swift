/// Which Khalti the counter talks to. Shown in the header and marked on every
/// receipt that is not real money, so a training receipt can never pass as one.
public enum ServiceEnvironment: String, Hashable, Sendable, CaseIterable {
    /// The built-in Khalti-compatible sandbox: no real money.
    case sandbox = "SANDBOX"
    /// Khalti's test server: no real money.
    case uat = "UAT"
    case live = "LIVE"

    public var label: String { rawValue }

    /// The mark a receipt carries; nil for live money.
    public var receiptMark: String? { self == .live ? nil : rawValue }
}
