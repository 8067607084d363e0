import ArrownetDomain
import KhaltiClient

/// The three Khalti calls the desk makes, as a value: the live form wraps `KhaltiAPI`,
/// and a view-model or runtime test can build one from closures without a server.
public struct KhaltiGateway: Sendable {
    /// Never throws: whatever happens is an answer the payment policy judges.
    public var pay: @Sendable (PaymentRequest) async -> PaymentResult
    public var lookUp: @Sendable (PaymentReference) async throws(KhaltiError) -> LookupAnswer
    /// One call for many references: a result per reference the answer has an entry for
    /// (an error entry is a failed lookup of that one); the desk looks up missing ones singly.
    public var lookUpMany: @Sendable ([PaymentReference]) async throws(KhaltiError) -> [PaymentReference: Result<LookupAnswer, KhaltiError>]
    /// Removes the token from any server text before the journal keeps it: a server
    /// that echoes the request must not get the token written to disk.
    public var scrub: @Sendable (String) -> String
    /// The counter's credits at Khalti, noted when a shift opens and closes.
    public var balance: @Sendable () async throws(KhaltiError) -> Money
    /// The fingerprint of the Khalti account (token) these calls go through, given the
    /// journal's name of the Khalti: payments are recorded with it, and only its own
    /// payments are looked up.
    public var account: @Sendable (String) -> String

    /// The account of a gateway made of closures (a test's stand-in Khalti): one account.
    public static let standInAccount = "stand-in"

    public init(
        pay: @escaping @Sendable (PaymentRequest) async -> PaymentResult,
        lookUp: @escaping @Sendable (PaymentReference) async throws(KhaltiError) -> LookupAnswer,
        lookUpMany: @escaping @Sendable ([PaymentReference]) async throws(KhaltiError) -> [PaymentReference: Result<LookupAnswer, KhaltiError>],
        scrub: @escaping @Sendable (String) -> String = { $0 },
        balance: @escaping @Sendable () async throws(KhaltiError) -> Money = { () throws(KhaltiError) in throw .connectionLost },
        account: @escaping @Sendable (String) -> String = { _ in KhaltiGateway.standInAccount }
    ) {
        self.account = account
        self.balance = balance
        self.pay = pay
        self.lookUp = lookUp
        self.lookUpMany = lookUpMany
        self.scrub = scrub
    }

    public static func live(_ api: KhaltiAPI) -> KhaltiGateway {
        KhaltiGateway(
            pay: { request in await api.pay(request) },
            lookUp: { reference throws(KhaltiError) in try await api.lookUp(reference) },
            lookUpMany: { references throws(KhaltiError) in try await api.lookUp(references) },
            scrub: { text in api.scrub(text) },
            balance: { () throws(KhaltiError) in try await api.balance().available },
            account: { environment in api.accountFingerprint(in: environment) }
        )
    }
}
