import ArrownetDomain
import Foundation
import Testing
@testable import KhaltiClient

/// Lookup answers read by meaning, by one piece of code for the single and the bulk
/// call: an error object is a failed lookup of that reference, never a payment state.
@Suite("Wire: lookup answers, single and bulk, read the same way")
struct LookupReadingTests {
    static let token = try! KhaltiToken("TEST:secret")
    static let asked = try! PaymentReference("ARN1")

    static func fields(_ json: String) -> AnswerFields {
        AnswerFields(value: JSONValue.parse(Data(json.utf8))!)
    }

    static func single(_ json: String, httpStatus: Int = 200) -> Result<LookupAnswer, KhaltiError> {
        WireReading.lookupResult(fields(json), httpStatus: httpStatus, asked: asked, token: token)
    }

    static func bulk(_ entry: String) -> Result<LookupAnswer, KhaltiError>? {
        guard case .array(let entries)? = fields(#"{"status": true, "detail": [\#(entry)]}"#).value["detail"] else { return nil }
        return WireReading.bulkLookupResults(entries, asked: [asked], token: token)[asked]
    }

    static func errorObject(_ code: String) -> String {
        #"{"reference": "ARN1", "status": false, "error_code": "\#(code)", "message": "Internal server error", "state": "Error"}"#
    }

    @Test("every error code of the protocol, alone and inside a bulk answer, is a failed lookup; 002 is unknown reference",
          arguments: KhaltiErrorCode.allCases)
    func everyErrorCode(code: KhaltiErrorCode) {
        for result in [Self.single(Self.errorObject(code.code), httpStatus: code == .serverError ? 500 : 400), Self.bulk(Self.errorObject(code.code))] {
            if code == .invalidReference {
                #expect(result == .success(.unknownReference), "\(code.code)")
            } else {
                guard case .failure(.refused(let refusal))? = result else {
                    Issue.record("\(code.code) read as \(String(describing: result))")
                    continue
                }
                #expect(refusal.code == code)
            }
        }
    }

    @Test("status false without a code, or an unlisted code, is a failed lookup too, whatever its state says")
    func statusFalse() {
        for json in [
            #"{"reference": "ARN1", "status": false, "state": "Success", "amount": 1695.0}"#,
            #"{"reference": "ARN1", "status": false, "error_code": "9999", "state": "Failed"}"#,
        ] {
            guard case .failure(.refused) = Self.single(json) else { Issue.record("single: \(Self.single(json))"); continue }
            guard case .failure(.refused)? = Self.bulk(json) else { Issue.record("bulk: \(String(describing: Self.bulk(json)))"); continue }
        }
    }

    @Test("an answer about another reference, or without one, or without a state, is a failed lookup")
    func wrongReference() {
        let other = #"{"status": true, "reference": "ARN2", "state": "Success", "amount": 1695.0}"#
        guard case .failure(.unreadableAnswer(_, let problem)) = Self.single(other) else { Issue.record("\(Self.single(other))"); return }
        #expect(problem.contains("ARN2"))
        guard case .failure = Self.single(#"{"status": true, "state": "Success"}"#) else { Issue.record("no reference"); return }
        guard case .failure = Self.single(#"{"status": true, "reference": "ARN1", "state": ""}"#) else { Issue.record("empty state"); return }
        guard case .failure = Self.single(#"{"status": true, "reference": "ARN1", "amount": 1695.0}"#) else { Issue.record("no state"); return }
        // A bulk entry about a reference not asked is no answer at all.
        #expect(Self.bulk(other) == nil)
    }

    @Test("fields read as sent: amounts, refund flag and refunded amount, or unreadable, never guessed")
    func fieldsAsSent() {
        let read = Self.single(#"{"status": true, "reference": "ARN1", "state": "Success", "amount": 1695.5, "refunded": false, "refunded_amount": "0", "response_id": "K9"}"#)
        #expect(read == .success(.found(LookupFacts(
            state: "Success", amount: .value(Money(paisa: 169_550)), refunded: .value(false), refundedAmount: .value(.zero), transactionID: "K9"))))
        let odd = Self.single(#"{"status": true, "reference": "ARN1", "state": "Success", "amount": "lots", "refunded": "maybe", "refunded_amount": [1]}"#)
        guard case .success(.found(let facts)) = odd else { Issue.record("\(odd)"); return }
        guard case .unreadable = facts.amount, case .unreadable = facts.refunded, case .unreadable = facts.refundedAmount else {
            Issue.record("\(facts)"); return
        }
        #expect(facts.refunded.value == nil)
        // Absent or null is not unreadable.
        let sparse = Self.single(#"{"status": true, "reference": "ARN1", "state": "Queued", "amount": null}"#)
        #expect(sparse == .success(.found(LookupFacts(state: "Queued"))))
    }

    @Test("a 5xx JSON answer without an error code is a failed lookup, not a state")
    func serverErrorWithState() {
        guard case .failure(.httpStatus(503, _)) = Self.single(#"{"reference": "ARN1", "state": "Success"}"#, httpStatus: 503) else {
            Issue.record("a 503 was taken at its word"); return
        }
    }

    @Test("the token echoed in a state or id is scrubbed")
    func scrubbed() {
        let echoed = Self.single(#"{"status": true, "reference": "ARN1", "state": "TEST:secret", "response_id": "TEST:secret"}"#)
        guard case .success(.found(let facts)) = echoed else { Issue.record("\(echoed)"); return }
        #expect(!facts.state.contains("secret") && facts.transactionID?.contains("secret") == false)
    }
}
