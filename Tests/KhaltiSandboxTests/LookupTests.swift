import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Status, bulk status and balance calls")
struct LookupTests {
    @Test func statusLookupAnswersTheDocumentedShape() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "look1")
            let answer = try await sandbox.status("look1")
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json.keys == [
                "status", "state", "original_status", "details", "reference", "response_id",
                "amount", "refunded", "refunded_amount", "refunds",
            ])
            #expect(json["status"] == .bool(true))
            #expect(json["state"] == .string("Success"))
            #expect(json["reference"] == .string("look1"))
            #expect(json["amount"] == .number(.of("1695")))
            #expect(json["refunded"] == .bool(false))
            #expect(json["refunded_amount"] == .number(0))
            #expect(json["refunds"] == .array([]))
            #expect(json["response_id"]?.string?.isEmpty == false)
            // Amounts are JSON numbers written from paisa, one decimal at least: 1695.0.
            #expect(answer.text.contains(#""amount": 1695.0,"#))
        }
    }

    @Test(arguments: ["/api/service/status/", "/api/service/status"])
    func parametersMayComeInTheQueryOrInAJSONBody(path: String) async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "q1")
            let inQuery = try await sandbox.get(path, query: "token=TEST%3Asandbox&reference=q1")
            #expect(try inQuery.json()["state"] == .string("Success"))
            let inBody = try await sandbox.get(path, body: #"{"token": "TEST:sandbox", "reference": "q1"}"#)
            #expect(try inBody.json()["state"] == .string("Success"))
            let mixed = try await sandbox.get(path, query: "reference=q1", body: #"{"token": "TEST:sandbox"}"#)
            #expect(try mixed.json()["state"] == .string("Success"))
            let noToken = try await sandbox.get(path, query: "reference=q1")
            #expect(try noToken.json()["error_code"] == .string("1001"))
        }
    }

    @Test func unknownReferenceIs002InvalidReference() async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.status("never-sent")
            #expect(answer.status == 400)
            let json = try answer.json()
            #expect(json["status"] == .bool(false))
            #expect(json["error_code"] == .string("002"))
            #expect(json["error"] == .string("invalid_reference"))
            let missing = try await sandbox.get("/api/service/status/", query: "token=TEST:sandbox")
            #expect(try missing.json()["error_code"] == .string("1012"))
        }
    }

    @Test func bulkLookupAnswersEachReferenceKnownOrNot() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "b1")
            _ = try await sandbox.pay("failnow", "1695.00", reference: "b2")
            let answer = try await sandbox.get(
                "/api/service/bulk/status/", query: "token=TEST:sandbox&references=b1,nope,b2&reference_length=3")
            #expect(answer.status == 200)
            let json = try answer.json()
            #expect(json["status"] == .bool(true))
            let detail = try #require(json["detail"]?.array)
            #expect(detail.count == 3)
            #expect(detail[0]["reference"] == .string("b1"))
            #expect(detail[0]["state"] == .string("Success"))
            // Khalti's published entry for a reference it does not know: no error code.
            #expect(detail[1]["reference"] == .string("nope"))
            #expect(detail[1]["status"] == .bool(true))
            #expect(detail[1]["state"] == .string("Error"))
            #expect(detail[1]["details"] == .string("Invalid reference obtained for account"))
            #expect(detail[1]["response_id"] == .number(0))
            #expect(detail[1]["amount"] == .number(0))
            #expect(detail[1]["error_code"] == nil)
            #expect(detail[2]["state"] == .string("Failed"))
            #expect(detail[2]["refunded"] == .bool(true))

            let inBody = try await sandbox.get(
                "/api/service/bulk/status", body: #"{"token": "TEST:sandbox", "references": "b2, b1", "reference_length": 2}"#)
            #expect(try inBody.json()["detail"]?.array?.compactMap { $0["reference"]?.string } == ["b2", "b1"])
        }
    }

    @Test("plain shapes: 002 for an unknown reference in a bulk answer, balances with two decimals")
    func plainShapes() async throws {
        try await TestSandbox.with(SandboxConfiguration(shapes: .plain)) { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "p1")
            let answer = try await sandbox.get(
                "/api/service/bulk/status/", query: "token=TEST:sandbox&references=p1,nope&reference_length=2")
            let detail = try #require(try answer.json()["detail"]?.array)
            #expect(detail[1]["error_code"] == .string("002"))
            #expect(detail[1]["error"] == .string("invalid_reference"))
            let balance = try await sandbox.get("/api/balance", query: "token=TEST:sandbox")
            #expect(balance.text == #"{"credits_available": 98305.0, "credits_consumed": 1695.0}"#)
        }
    }

    @Test("published shapes: a balance after a payment carries float noise that rounds to the ledger's paisa")
    func publishedBalanceNoise() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "n1")
            let balance = try await sandbox.get("/api/balance", query: "token=TEST:sandbox")
            #expect(balance.text == #"{"credits_consumed": 1694.999900001, "credits_available": 98305.0000000001}"#)
            let credits = try await sandbox.credits()
            #expect(credits.available == .of("98305") && credits.consumed == .of("1695"))
        }
    }

    @Test func bulkLookupRefusesAWrongLengthAndAnEmptyList() async throws {
        try await TestSandbox.with { sandbox in
            let wrongLength = try await sandbox.get("/api/service/bulk/status/", query: "token=TEST:sandbox&references=a,b&reference_length=3")
            #expect(try wrongLength.json()["error_data"]?.keys == ["reference_length"])
            let empty = try await sandbox.get("/api/service/bulk/status/", query: "token=TEST:sandbox&references=,")
            #expect(try empty.json()["error_code"] == .string("1012"))
        }
    }

    @Test(arguments: ["/api/balance", "/api/balance/"])
    func balanceAnswersCreditsAsNumbers(path: String) async throws {
        try await TestSandbox.with { sandbox in
            let answer = try await sandbox.get(path, query: "token=TEST:sandbox")
            #expect(answer.status == 200)
            #expect(try answer.json().keys == ["credits_available", "credits_consumed"])
            // Khalti's published shape: the figures a hair off their paisa, as a float prints them.
            #expect(answer.text == #"{"credits_consumed": 0.0, "credits_available": 100000.0000000001}"#)
            let wrong = try await sandbox.get(path, query: "token=nope")
            #expect(try wrong.json()["error_code"] == .string("1002"))
        }
    }

    @Test func operatorRefundGivesTheMoneyBackAndShowsInTheLookup() async throws {
        try await TestSandbox.with { sandbox in
            _ = try await sandbox.pay("Pradhanang", "1695.00", reference: "rf1")
            let refunded = try await sandbox.sandbox.refund(reference: "rf1", remarks: "Customer changed plan")
            #expect(refunded?.refundedAmount == Money(rupees: 1695))
            #expect(try await sandbox.sandbox.refund(reference: "rf1") == nil, "a payment is refunded once")
            let json = try await sandbox.status("rf1").json()
            #expect(json["refunded"] == .bool(true))
            #expect(json["refunded_amount"] == .number(.of("1695")))
            #expect(json["refunds"]?[0]?["remarks"] == .string("Customer changed plan"))
            #expect(json["refunds"]?[0]?["amount"] == .number(.of("1695")))
            #expect(json["refunds"]?[0]?["created_at"]?.string?.hasSuffix("+05:45") == true)
            #expect(try await sandbox.credits().available == .of("100000"))
        }
    }
}
