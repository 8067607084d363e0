import ArrownetDomain
import Foundation
import Logging
import Synchronization

/// Khalti's Services API for Arrownet: details, payment, status lookups, balance.
///
/// Errors never carry the token. A payment never throws: whatever happens is an
/// answer that the payment policy turns into paid, held or not paid.
public final class KhaltiAPI: Sendable {
    public static let defaultMaximumAnswerBytes = 1 << 20

    public let endpoint: KhaltiEndpoint
    let token: KhaltiToken
    let timeouts: KhaltiTimeouts
    let transport: KhaltiTransport
    /// The balance a payment answer reported (`credits_available`), until it is read.
    private let reportedBalance = Mutex<Money?>(nil)

    public init(
        endpoint: KhaltiEndpoint, token: KhaltiToken, timeouts: KhaltiTimeouts = KhaltiTimeouts(),
        maximumAnswerBytes: Int = KhaltiAPI.defaultMaximumAnswerBytes,
        logger: Logger = Logger(label: "arrownet.khalti")
    ) throws(ConfigurationError) {
        try endpoint.check(token)
        self.endpoint = endpoint
        self.token = token
        self.timeouts = timeouts
        transport = KhaltiTransport(
            baseURL: endpoint.baseURL, connectTimeout: timeouts.connect,
            maximumAnswerBytes: maximumAnswerBytes, logger: logger
        )
    }

    /// Whether the configured token is a Khalti test token (`TEST:`), for banners.
    public var usesTestToken: Bool { token.isTestToken }

    /// Closes the connections; call once before the process ends.
    public func shutdown() async {
        await transport.shutdown()
    }

    // MARK: - Calls

    public func accountDetails(for username: Username) async throws(KhaltiError) -> Account {
        let body = Self.json(["token": .string(token.secret), "username": .string(username.value)])
        return try Self.readAccount(
            try await rawPost(KhaltiPaths.details, body: body, timeout: timeouts.details), username: username, token: token)
    }

    public func pay(_ payment: PaymentRequest) async -> PaymentResult {
        let raw: RawAnswer
        do {
            raw = try await transport.post(KhaltiPaths.commit, json: paymentBody(payment), timeoutSeconds: timeouts.payment)
        } catch {
            if case .neverSent = error { return PaymentResult(answer: .notSent) }
            return PaymentResult(answer: .noAnswer)
        }
        let result = WireReading.paymentResult(raw, token: token)
        if let credits = result.creditsAvailable { reportedBalance.withLock { $0 = credits } }
        return result
    }

    /// The balance as Khalti last reported it: from the last payment's answer when it
    /// carried `credits_available` (taken once, so the next call asks Khalti again),
    /// else from the balance call.
    public func latestBalance() async throws(KhaltiError) -> Money {
        if let reported = reportedBalance.withLock({ value in defer { value = nil }; return value }) { return reported }
        return try await balance().available
    }

    public func lookUp(_ reference: PaymentReference) async throws(KhaltiError) -> LookupAnswer {
        try Self.readLookup(try await rawGet(KhaltiPaths.status, query: Self.lookupQuery(reference, token: token)), asked: reference, token: token)
    }

    /// The commit request's body; `KhaltiProbe` sends the same.
    func paymentBody(_ payment: PaymentRequest) -> Data {
        Self.json([
            "username": .string(payment.username.value),
            "amount": .string(payment.amount.wireString),
            "duration": .int(payment.duration.months),
            "reference": .string(payment.reference.value),
            "token": .string(token.secret),
        ])
    }

    /// Looks many references up in one call: a result for each reference Khalti's answer
    /// has an entry for (an error entry is a failed lookup of that reference). Callers
    /// look up any missing ones singly.
    public func lookUp(_ references: [PaymentReference]) async throws(KhaltiError) -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        var answers: [PaymentReference: Result<LookupAnswer, KhaltiError>] = [:]
        var start = 0
        while start < references.count {
            let chunk = Array(references[start..<min(start + Self.bulkLookupLimit, references.count)])
            answers.merge(try await bulkLookUp(chunk)) { first, _ in first }
            start += Self.bulkLookupLimit
        }
        return answers
    }

    /// References per bulk call: the query string stays well under common URL limits
    /// (50 references of 29 characters is about 1.5 KB).
    static let bulkLookupLimit = 50

    private func bulkLookUp(_ references: [PaymentReference]) async throws(KhaltiError) -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        guard !references.isEmpty else { return [:] }
        let raw = try await rawGet(KhaltiPaths.bulkStatus, query: Self.bulkLookupQuery(references, token: token))
        return try Self.readBulkLookup(raw, asked: references, token: token)
    }

    public func balance() async throws(KhaltiError) -> KhaltiBalance {
        try Self.readBalance(try await rawGet(KhaltiPaths.balance, query: [("token", token.secret)]), token: token)
    }

    // MARK: - Reading: one function per call, shared with `KhaltiProbe` so that
    // `arrownet check` reads each answer exactly as the calls above do.

    static func readAccount(_ raw: RawAnswer, username: Username, token: KhaltiToken) throws(KhaltiError) -> Account {
        try WireReading.readAnswer(try WireReading.objectFields(raw), httpStatus: raw.status, token: token) { fields throws(FieldProblem) in
            try WireReading.account(fields, username: username, token: token)
        }
    }

    static func lookupQuery(_ reference: PaymentReference, token: KhaltiToken) -> [(String, String)] {
        [("token", token.secret), ("reference", reference.value)]
    }

    static func readLookup(_ raw: RawAnswer, asked reference: PaymentReference, token: KhaltiToken) throws(KhaltiError) -> LookupAnswer {
        let fields = try WireReading.objectFields(raw)
        return try WireReading.lookupResult(fields, httpStatus: raw.status, asked: reference, token: token).get()
    }

    static func bulkLookupQuery(_ references: [PaymentReference], token: KhaltiToken) -> [(String, String)] {
        [
            ("token", token.secret),
            ("references", references.map(\.value).joined(separator: ",")),
            ("reference_length", String(references.count)),
        ]
    }

    static func readBulkLookup(
        _ raw: RawAnswer, asked references: [PaymentReference], token: KhaltiToken
    ) throws(KhaltiError) -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        let fields = try WireReading.successFields(raw, token: token)
        guard case .array(let entries)? = fields.value["detail"] else {
            throw .unreadableAnswer(httpStatus: raw.status, problem: "field \"detail\" is missing or not a list")
        }
        return WireReading.bulkLookupResults(entries, asked: references, token: token)
    }

    static func readBalance(_ raw: RawAnswer, token: KhaltiToken) throws(KhaltiError) -> KhaltiBalance {
        try WireReading.readAnswer(try WireReading.objectFields(raw), httpStatus: raw.status, token: token, WireReading.balance)
    }

    // MARK: - Plumbing

    func rawPost(_ path: String, body: Data, timeout: Int) async throws(KhaltiError) -> RawAnswer {
        do {
            return try await transport.post(path, json: body, timeoutSeconds: timeout)
        } catch {
            throw error.asKhaltiError(timeout: timeout, answerLimit: transport.maximumAnswerBytes)
        }
    }

    func rawGet(_ path: String, query: [(String, String)]) async throws(KhaltiError) -> RawAnswer {
        do {
            return try await transport.get(path, query: query, timeoutSeconds: timeouts.lookup)
        } catch {
            throw error.asKhaltiError(timeout: timeouts.lookup, answerLimit: transport.maximumAnswerBytes)
        }
    }

    enum BodyValue {
        case string(String)
        case int(Int)
    }

    /// Request bodies are a handful of fields; JSONSerialization keeps key order
    /// irrelevant and escapes strings correctly.
    static func json(_ fields: [String: BodyValue]) -> Data {
        var object: [String: Any] = [:]
        for (key, value) in fields {
            switch value {
            case .string(let text): object[key] = text
            case .int(let number): object[key] = number
            }
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}

enum KhaltiPaths {
    static let details = "/api/servicegroup/details/arrownet/"
    static let commit = "/api/servicegroup/commit/arrownet/"
    static let status = "/api/service/status/"
    static let bulkStatus = "/api/service/bulk/status/"
    static let balance = "/api/balance"
}

/// A payment as sent: the amount and duration must come from a details answer.
public struct PaymentRequest: Sendable, Hashable {
    public let username: Username
    public let duration: PlanDuration
    public let amount: Money
    public let reference: PaymentReference

    public init(username: Username, plan: Plan, reference: PaymentReference) {
        self.username = username
        duration = plan.duration
        amount = plan.amount
        self.reference = reference
    }
}

/// What became of a payment request.
public struct PaymentResult: Sendable, Equatable {
    public let answer: PaymentAnswer
    public let verdict: PaymentVerdict
    /// Khalti's transaction id (`id`, or `response_id`), when the answer had one.
    public let transactionID: String?
    /// Khalti's own words (message, detail), token scrubbed.
    public let message: String?
    public let refusal: ServiceRefusal?
    /// The counter's balance after this payment, when the answer reports it.
    public let creditsAvailable: Money?

    public init(
        answer: PaymentAnswer, transactionID: String? = nil, message: String? = nil, refusal: ServiceRefusal? = nil,
        creditsAvailable: Money? = nil
    ) {
        self.answer = answer
        verdict = PaymentPolicy.verdict(for: answer)
        self.transactionID = transactionID
        self.message = message
        self.refusal = refusal
        self.creditsAvailable = creditsAvailable
    }
}

public struct KhaltiBalance: Sendable, Equatable {
    public let available: Money
    public let consumed: Money?
}
