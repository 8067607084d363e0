import ArrownetDomain
import Foundation
import Hummingbird
import Testing
@testable import KhaltiClient

/// A payment must reach the configured host or nothing: a redirect is refused, even
/// to a server that would answer Success.
@Suite("Contract: redirects are refused")
struct RedirectTests {
    @Test("details and payment do not follow a redirect")
    func refused() async throws {
        let hits = HitCounter()
        let router = Router()
        router.post("/api/servicegroup/details/arrownet/") { _, _ in
            Response(status: .found, headers: [.location: "/elsewhere"])
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ in
            Response(status: .temporaryRedirect, headers: [.location: "/elsewhere"])
        }
        router.post("/elsewhere") { _, _ -> String in
            hits.increment()
            return #"{"status": true, "state": "Success", "id": 1}"#
        }
        try await withServer(router) { baseURL in
            let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: baseURL), token: try KhaltiToken("TEST:x"))
            let error = await #expect(throws: KhaltiError.self) { try await api.accountDetails(for: try Username("Pradhanang")) }
            #expect(error == .redirectRefused(httpStatus: 302))
            let payment = PaymentRequest(
                username: try Username("Pradhanang"), plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
                reference: try PaymentReference("R1")
            )
            let result = await api.pay(payment)
            #expect(result.verdict == .held(.unexpectedStatus(httpStatus: 307), lookUpAfterSeconds: 300))
            #expect(hits.value == 0)
            await api.shutdown()
        }
    }

    func withServer(_ router: Router<BasicRequestContext>, _ body: (String) async throws -> Void) async throws {
        let port = PortBox()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) }
        )
        let server = Task { try await app.run() }
        while port.value == 0 { try await Task.sleep(for: .milliseconds(5)) }
        do {
            try await body("http://127.0.0.1:\(port.value)")
        } catch {
            server.cancel()
            throw error
        }
        server.cancel()
        _ = await server.result
    }
}

final class HitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int { lock.withLock { port } }
    func set(_ newValue: Int) { lock.withLock { port = newValue } }
}
