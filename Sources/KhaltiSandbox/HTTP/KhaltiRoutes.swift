import Hummingbird
import Logging

/// Thrown after the drop-connection fault closed the connection, so Hummingbird stops
/// handling the request (the answer it would write goes nowhere).
struct ConnectionDroppedOnPurpose: Error {}

/// The Khalti-compatible routes, and the order in which a call meets the faults:
/// read parameters, latency, faults that replace the answer (nothing is handled),
/// handle the call, faults that withhold the answer (the call was handled).
struct KhaltiRoutes: Sendable {
    let service: KhaltiService
    let faults: FaultBoard
    let commits: CommitRequests
    let maximumBodyBytes: Int
    let logger: Logger

    /// Paths are registered without a trailing slash; the router ignores one, so
    /// `/api/balance` and `/api/balance/` are the same route (a test holds it to that).
    func register(on router: Router<SandboxRequestContext>) {
        router.post("api/servicegroup/details/arrownet") { request, context in
            try await respond(to: .details, request, context)
        }
        router.post("api/servicegroup/commit/arrownet") { request, context in
            try await respond(to: .commit, request, context)
        }
        router.get("api/service/status") { request, context in
            try await respond(to: .status, request, context)
        }
        router.get("api/service/bulk/status") { request, context in
            try await respond(to: .bulkStatus, request, context)
        }
        router.get("api/balance") { request, context in
            try await respond(to: .balance, request, context)
        }
    }

    private func respond(to call: FaultRule.Call, _ request: Request, _ context: SandboxRequestContext) async throws -> Response {
        let parameters = await readParameters(request)
        if call == .commit, let reference = (try? parameters.get())?.text("reference") { commits.add(reference) }
        // Only details and commit carry a username of their own; see FaultRule.username.
        let username = (call == .details || call == .commit) ? (try? parameters.get())?.text("username") : nil
        let fired = faults.fire(for: call, username: username)
        if fired != .none {
            // The token never goes to the log; the username and call are enough to follow a test.
            logger.debug("faults fired", metadata: [
                "call": "\(call.rawValue)", "username": "\(username ?? "-")",
                "latency_ms": "\(fired.latencyMilliseconds)", "outcome": "\(fired.outcome.map { "\($0)" } ?? "-")",
            ])
        }
        if fired.latencyMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(fired.latencyMilliseconds))
        }

        switch fired.outcome {
        case .httpError(let status): return HTTPResponses.proxyErrorPage(status: status)
        case .nonJSONBody: return HTTPResponses.nonJSONPage()
        case .maintenance: return HTTPResponses.json(.failure(.maintenance))
        case .alreadyPaid where call == .commit: return HTTPResponses.json(.failure(.alreadyPaid))
        case .refusal(let code, let status) where call == .commit: return HTTPResponses.json(.failure(.refusal(code: code, status: status)))
        case .dropBeforeHandling:
            context.closeConnectionWithoutAnswer()
            throw ConnectionDroppedOnPurpose()
        case .errorEntries(let code) where call == .status || call == .bulkStatus:
            return HTTPResponses.json(LookupFaults.errorEntries(code: code, call: call, parameters: try? parameters.get()))
        case .latency, .dropConnection, .answerLate, .errorEntries, .wrongAmount, .alreadyPaid, .refusal, nil: break
        }

        var answer: WireAnswer = switch parameters {
        case .success(let parameters): await service.handle(call, parameters)
        case .failure(let error): .failure(error)
        }
        if fired.outcome == .wrongAmount, call == .status || call == .bulkStatus {
            answer = LookupFaults.amountsOneRupeeMore(answer)
        }

        switch fired.outcome {
        case .dropConnection:
            context.closeConnectionWithoutAnswer()
            throw ConnectionDroppedOnPurpose()
        case .answerLate(let milliseconds):
            try await Task.sleep(for: .milliseconds(milliseconds))
        default: break
        }
        return HTTPResponses.json(answer)
    }

    /// Query parameters and a JSON body, read with a size limit so a huge body costs
    /// the sandbox nothing but an error answer.
    private func readParameters(_ request: Request) async -> Result<WireParameters, KhaltiError> {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodyBytes)
        } catch {
            return .failure(.bodyTooLarge)
        }
        let query = request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }
        do {
            return .success(try WireParameters.parse(query: query, body: Array(body.readableBytesView)))
        } catch {
            return .failure(.bodyNotJSON)
        }
    }
}
