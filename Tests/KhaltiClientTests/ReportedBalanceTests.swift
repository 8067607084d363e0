import ArrownetDomain
import Foundation
import Hummingbird
import NetworkTestSupport
import Testing
@testable import KhaltiClient

/// Some of Khalti's commit answers report the balance left (`credits_available`): the
/// console's header shows that figure after the payment without asking Khalti again.
@Suite("Client: the balance a payment answer reports")
struct ReportedBalanceTests {
    @Test("after a commit that reports credits_available, the next balance is that figure without a call; the one after asks")
    func reportedThenAsked() async throws {
        let balanceCalls = RequestCount()
        let router = Router()
        router.post("/api/servicegroup/commit/arrownet/") { _, _ -> String in
            #"{"status": true, "state": "Success", "id": 9, "credits_available": 98305.0000000001, "credits_consumed": 1694.999900001}"#
        }
        router.get("/api/balance") { _, _ -> String in
            balanceCalls.add()
            return #"{"credits_available": 161155.5, "credits_consumed": 777099.369900001}"#
        }
        try await LoopbackServer.with(router) { baseURL in
            let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: baseURL), token: try KhaltiToken("TEST:x"))
            #expect(try await api.latestBalance() == Money(paisa: 16_115_550))
            #expect(balanceCalls.value == 1)
            let payment = PaymentRequest(
                username: try Username("Pradhanang"), plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
                reference: try PaymentReference("R1"))
            let result = await api.pay(payment)
            #expect(result.verdict == .paid)
            #expect(result.creditsAvailable == Money(rupees: 98_305))
            #expect(try await api.latestBalance() == Money(rupees: 98_305))
            #expect(balanceCalls.value == 1, "the reported figure needs no call")
            #expect(try await api.latestBalance() == Money(paisa: 16_115_550))
            #expect(balanceCalls.value == 2, "taken once: the next one asks Khalti")
            await api.shutdown()
        }
    }
}
