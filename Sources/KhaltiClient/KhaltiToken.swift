/// The counter's Khalti token: a secret that spends the counter's money.
///
/// It is never printed: `description`, `debugDescription`, string interpolation,
/// `dump` and reflection all show a redacted placeholder. Only the request encoder
/// reads the value, through the module-internal `secret`.
public struct KhaltiToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let secret: String

    /// Trims surrounding white space (token files end with a newline); refuses an
    /// empty token or one with white space or control characters inside.
    public init(_ raw: String) throws(ConfigurationError) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyToken }
        guard trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .malformedToken
        }
        secret = trimmed
    }

    /// Khalti's test tokens carry a `TEST:` prefix; live tokens have none.
    public var isTestToken: Bool { secret.hasPrefix("TEST:") }

    public var description: String { isTestToken ? "KhaltiToken(TEST:•••)" : "KhaltiToken(•••)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Replaces every occurrence of the token in text that came from elsewhere (a
    /// server's error message might echo the request), so it can be shown or logged.
    public func scrub(_ text: String) -> String {
        var scrubbed = text.replacingOccurrences(of: secret, with: "•••")
        // A test token's secret is what follows `TEST:`; a server that echoes only that
        // part must not get it shown either. Khalti's are 20 characters; a short one (the
        // sandbox's `TEST:sandbox`) is a word that server text may hold for its own sake.
        if isTestToken, secret.count >= 5 + 12 {
            scrubbed = scrubbed.replacingOccurrences(of: String(secret.dropFirst(5)), with: "•••")
        }
        return scrubbed
    }
}

import Foundation
