import AsyncHTTPClient
import Foundation
import KhaltiSandbox
import Testing

/// An HTTP answer as a client received it.
struct HTTPAnswer {
    let status: UInt
    let contentType: String?
    let text: String

    func json() throws -> JSONValue { try JSONValue.parse(text) }
}

/// A sandbox of the test's own, on a free loopback port, with an HTTP client to talk to it.
struct TestSandbox {
    let sandbox: RunningSandbox
    let client: HTTPClient

    static let token = SandboxToken.value

    /// Runs `body` against a fresh in-memory sandbox, then shuts client and sandbox down,
    /// whether the body passed or threw.
    static func with(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        _ body: (TestSandbox) async throws -> Void
    ) async throws {
        let sandbox = try await RunningSandbox.start(configuration)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let harness = TestSandbox(sandbox: sandbox, client: client)
        do {
            try await body(harness)
        } catch {
            try? await client.shutdown()
            await sandbox.stop()
            throw error
        }
        try await client.shutdown()
        await sandbox.stop()
    }

    func post(_ path: String, _ body: String, timeoutMilliseconds: Int64 = 10_000) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(Array(body.utf8))
        return try await send(request, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// A GET with its parameters in the query string, in a JSON body, or both.
    func get(_ path: String, query: String? = nil, body: String? = nil, timeoutMilliseconds: Int64 = 10_000) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: sandbox.baseURL + path + (query.map { "?" + $0 } ?? ""))
        request.method = .GET
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(Array(body.utf8))
        }
        return try await send(request, timeoutMilliseconds: timeoutMilliseconds)
    }

    func delete(_ path: String) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: sandbox.baseURL + path)
        request.method = .DELETE
        return try await send(request, timeoutMilliseconds: 10_000)
    }

    func send(_ request: HTTPClientRequest, timeoutMilliseconds: Int64) async throws -> HTTPAnswer {
        let response = try await client.execute(request, timeout: .milliseconds(timeoutMilliseconds))
        let body = try await response.body.collect(upTo: 4 * 1024 * 1024)
        return HTTPAnswer(
            status: response.status.code,
            contentType: response.headers.first(name: "content-type"),
            text: String(decoding: body.readableBytesView, as: UTF8.self))
    }

    // MARK: The Khalti calls, with the sandbox token unless told otherwise

    func details(_ username: String, token: String = token) async throws -> HTTPAnswer {
        try await post("/api/servicegroup/details/arrownet/", #"{"token": "\#(token)", "username": "\#(username)"}"#)
    }

    /// `amount` and `duration` are written into the JSON as given, so a test can send
    /// `"\"1695.00\""` (a string) or `"1695"` (a number).
    func commit(_ username: String, amount: String, duration: String, reference: String, token: String = token) async throws -> HTTPAnswer {
        try await post(
            "/api/servicegroup/commit/arrownet/",
            #"{"token": "\#(token)", "username": "\#(username)", "amount": \#(amount), "duration": \#(duration), "reference": "\#(reference)"}"#)
    }

    func pay(_ username: String, _ amount: String, months: Int = 1, reference: String) async throws -> HTTPAnswer {
        try await commit(username, amount: "\"\(amount)\"", duration: String(months), reference: reference)
    }

    func status(_ reference: String) async throws -> HTTPAnswer {
        try await get("/api/service/status/", query: "token=\(Self.token)&reference=\(reference)")
    }

    func balance() async throws -> HTTPAnswer {
        try await get("/api/balance", query: "token=\(Self.token)")
    }

    /// (credits_available, credits_consumed) as decimals.
    /// The balance as a client reads it: Khalti's published shape writes each figure
    /// with float noise (`98305.0000000001`), so it is rounded half-even to the paisa.
    func credits() async throws -> (available: Decimal?, consumed: Decimal?) {
        let json = try await balance().json()
        return (json["credits_available"]?.number.map(\.toPaisa), json["credits_consumed"]?.number.map(\.toPaisa))
    }
}
