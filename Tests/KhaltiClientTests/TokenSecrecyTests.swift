import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing
@testable import KhaltiClient

@Suite("The token is never shown")
struct TokenSecrecyTests {
    static let secret = "TEST:Zz9SecretTokenValue"

    @Test("description, debug description, interpolation, dump and reflection hide it")
    func hidden() async throws {
        let token = try KhaltiToken(Self.secret)
        var dumped = ""
        dump(token, to: &dumped)
        var dumpedAPI = ""
        let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: "http://127.0.0.1:9"), token: token)
        dump(api, to: &dumpedAPI)
        for text in [token.description, token.debugDescription, "\(token)", String(reflecting: token), dumped, dumpedAPI,
                     String(describing: Mirror(reflecting: token).children.map(\.value))] {
            #expect(!text.contains("SecretTokenValue"), "leaked in: \(text)")
        }
        await api.shutdown()
        #expect(token.isTestToken)
        #expect(try KhaltiToken(" live-token \n").secret == "live-token")
    }

    @Test("scrubbing removes it from server text")
    func scrub() throws {
        let token = try KhaltiToken(Self.secret)
        #expect(token.scrub("bad token \(Self.secret) given") == "bad token ••• given")
    }

    @Test("no error description contains it, even when the server echoes it")
    func errors() async throws {
        let token = try KhaltiToken(Self.secret)
        let echoed = ServiceRefusal(code: "1002", message: token.scrub("Invalid token \(Self.secret)"), details: nil)
        let errors: [KhaltiError] = [
            .refused(echoed), .httpStatus(500, body: .html), .unreadableAnswer(httpStatus: 200, problem: "x"),
            .timedOut(seconds: 1), .cannotConnect("refused"), .connectionLost, .redirectRefused(httpStatus: 302),
            .answerTooLarge(limitBytes: 10), .configuration(.testTokenOnLive),
        ]
        for error in errors {
            #expect(!error.description.contains("SecretTokenValue"))
            #expect(!String(reflecting: error).contains("SecretTokenValue"))
        }
        // And from a real exchange: the sandbox refuses this token with 1002.
        let sandbox = try await RunningSandbox.start()
        let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: sandbox.baseURL), token: token)
        let name = try Username("Pradhanang")
        do {
            _ = try await api.accountDetails(for: name)
            Issue.record("a wrong token was accepted")
        } catch {
            #expect(error.kind == .tokenOrAccount)
            #expect(!error.description.contains("SecretTokenValue"))
            #expect(!String(reflecting: error).contains("SecretTokenValue"))
        }
        let payment = await api.pay(PaymentRequest(
            username: try Username("Pradhanang"), plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
            reference: try PaymentReference("TOK1")))
        #expect(!String(reflecting: payment).contains("SecretTokenValue"))
        await api.shutdown()
        await sandbox.stop()
    }
}
