import ArrownetDomain
import Foundation
import Hummingbird
import NetworkTestSupport
import Testing
@testable import KhaltiClient

/// A payment must reach the configured host or nothing: a redirect is refused, even
/// to a server that would answer Success.
@Suite("Contract: redirects are refused")
struct RedirectTests {
    @Test("details and payment do not follow a redirect")
    func refused() async throws {
        let hits = RequestCount()
        let router = Router()
        router.post("/api/servicegroup/details/arrownet/") { _, _ in
            Response(status: .found, headers: [.location: "/elsewhere"])
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ in
            Response(status: .temporaryRedirect, headers: [.location: "/elsewhere"])
        }
        router.post("/elsewhere") { _, _ -> String in
            hits.add()
            return #"{"status": true, "state": "Success", "id": 1}"#
        }
        try await LoopbackServer.with(router) { baseURL in
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
}
