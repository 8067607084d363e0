import ArrownetDomain
import Foundation

/// One call as `arrownet check` saw it: the request, the raw HTTP status, what the answer
/// looked like, and how the program read it.
///
/// `reading` comes from the very functions the calls of `KhaltiAPI` use
/// (`KhaltiAPI.readBalance`, `readAccount`, `readLookup`, `readBulkLookup`,
/// `WireReading.paymentResult`): a check that read answers its own way would prove
/// nothing about how the counter reads them.
public struct ProbeAnswer<Reading: Sendable>: Sendable {
    /// Method and path, `GET /api/service/status/`; never the query (it holds the token).
    public let request: String
    /// nil when no answer came (timeout, refused connection, dropped connection).
    public let httpStatus: Int?
    /// A short description of the answer, token scrubbed, server text made safe and cut.
    public let shape: String
    public let reading: Reading
}

/// The raw calls behind `arrownet check`, through the same transport, paths, request
/// forms and readers as `KhaltiAPI`. It adds only what the API hides: the status and
/// the shape of each answer.
public struct KhaltiProbe: Sendable {
    let api: KhaltiAPI

    public init(_ api: KhaltiAPI) {
        self.api = api
    }

    /// How the lookups go on the wire (`KhaltiTransport.get`): the protocol note leaves it
    /// open, so `check` names it.
    public static let lookupForm =
        "GET with query parameters: \(KhaltiPaths.status)?token=…&reference=R and "
        + "\(KhaltiPaths.bulkStatus)?token=…&references=R1,R2&reference_length=2"

    public func balance() async -> ProbeAnswer<Result<KhaltiBalance, KhaltiError>> {
        let token = api.token
        let sent = await get(KhaltiPaths.balance, query: [("token", token.secret)])
        return answer("GET", KhaltiPaths.balance, sent, describe: AnswerShape.balance) { raw throws(KhaltiError) in
            try KhaltiAPI.readBalance(raw, token: token)
        }
    }

    public func accountDetails(for username: Username) async -> ProbeAnswer<Result<Account, KhaltiError>> {
        let token = api.token
        let body = KhaltiAPI.json(["token": .string(token.secret), "username": .string(username.value)])
        let sent: Result<RawAnswer, KhaltiError>
        do {
            sent = .success(try await api.rawPost(KhaltiPaths.details, body: body, timeout: api.timeouts.details))
        } catch {
            sent = .failure(error)
        }
        return answer("POST", KhaltiPaths.details, sent, describe: AnswerShape.details) { raw throws(KhaltiError) in
            try KhaltiAPI.readAccount(raw, username: username, token: token)
        }
    }

    public func lookUp(_ reference: PaymentReference) async -> ProbeAnswer<Result<LookupAnswer, KhaltiError>> {
        let token = api.token
        let sent = await get(KhaltiPaths.status, query: KhaltiAPI.lookupQuery(reference, token: token))
        return answer("GET", KhaltiPaths.status, sent, describe: AnswerShape.lookup) { raw throws(KhaltiError) in
            try KhaltiAPI.readLookup(raw, asked: reference, token: token)
        }
    }

    /// One bulk call for all of `references` (a check asks about two, far below the
    /// API's chunk size).
    public func lookUp(
        _ references: [PaymentReference]
    ) async -> ProbeAnswer<Result<[PaymentReference: Result<LookupAnswer, KhaltiError>], KhaltiError>> {
        let token = api.token
        let sent = await get(KhaltiPaths.bulkStatus, query: KhaltiAPI.bulkLookupQuery(references, token: token))
        return answer("GET", KhaltiPaths.bulkStatus, sent, describe: AnswerShape.bulkLookup) { raw throws(KhaltiError) in
            try KhaltiAPI.readBulkLookup(raw, asked: references, token: token)
        }
    }

    /// A real payment, sent exactly as `KhaltiAPI.pay` sends it and read the same way.
    public func pay(_ payment: PaymentRequest) async -> ProbeAnswer<PaymentResult> {
        let request = "POST \(KhaltiPaths.commit)"
        do {
            let raw = try await api.transport.post(
                KhaltiPaths.commit, json: api.paymentBody(payment), timeoutSeconds: api.timeouts.payment)
            return ProbeAnswer(
                request: request, httpStatus: raw.status, shape: AnswerShape.describe(raw, token: api.token, object: AnswerShape.payment),
                reading: WireReading.paymentResult(raw, token: api.token))
        } catch {
            let result = PaymentResult(answer: error.isNeverSent ? .notSent : .noAnswer)
            let failure = error.asKhaltiError(timeout: api.timeouts.payment, answerLimit: api.transport.maximumAnswerBytes)
            return ProbeAnswer(request: request, httpStatus: nil, shape: AnswerShape.noAnswer(failure), reading: result)
        }
    }

    private func get(_ path: String, query: [(String, String)]) async -> Result<RawAnswer, KhaltiError> {
        do {
            return .success(try await api.rawGet(path, query: query))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a raw answer twice: once for its shape, once as the API reads it.
    private func answer<Value: Sendable>(
        _ method: String, _ path: String, _ sent: Result<RawAnswer, KhaltiError>,
        describe: (AnswerFields, KhaltiToken) -> String, read: (RawAnswer) throws(KhaltiError) -> Value
    ) -> ProbeAnswer<Result<Value, KhaltiError>> {
        let request = "\(method) \(path)"
        switch sent {
        case .failure(let error):
            return ProbeAnswer(request: request, httpStatus: nil, shape: AnswerShape.noAnswer(error), reading: .failure(error))
        case .success(let raw):
            let reading: Result<Value, KhaltiError>
            do {
                reading = .success(try read(raw))
            } catch {
                reading = .failure(error)
            }
            return ProbeAnswer(
                request: request, httpStatus: raw.status, shape: AnswerShape.describe(raw, token: api.token, object: describe),
                reading: reading)
        }
    }
}

extension TransportFailure {
    var isNeverSent: Bool {
        if case .neverSent = self { return true }
        return false
    }
}
