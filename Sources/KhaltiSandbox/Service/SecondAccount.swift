import Synchronization

/// A second Khalti account on one sandbox: a second token, accepted, that sees only the
/// payments it made, as Khalti's accounts do. Its lookups of the first account's
/// references answer "unknown reference" (002), and the first account's lookups of its
/// references do too: the hazard of looking a payment up with another account's token.
///
/// Which references it made is kept in memory (tests), not in the ledger file; both
/// accounts spend the one balance.
final class SecondAccount: Sendable {
    let token: String
    private let references = Mutex<Set<String>>([])
    private let asked = Mutex<[String]>([])

    init(token: String) {
        self.token = token
    }

    func made(_ reference: String) {
        _ = references.withLock { $0.insert(reference) }
    }

    /// Notes the references a lookup request with this account's token asked about, as
    /// it arrived, whatever the answer: a test counts what went on the wire.
    func askedAbout(_ references: [String]) {
        asked.withLock { $0.append(contentsOf: references) }
    }

    /// Every reference this account's lookups asked about, in order, once per request.
    var lookedUp: [String] { asked.withLock { $0 } }

    /// Whether a caller with `token` sees the reference at all.
    func sees(_ reference: String, token: String?) -> Bool {
        references.withLock { $0.contains(reference) } == (token == self.token)
    }
}
