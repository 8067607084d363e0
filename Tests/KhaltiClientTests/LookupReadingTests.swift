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

/// The shapes Khalti's published documentation shows (the protocol note's last
/// section), each read by its meaning.
@Suite("Wire: Khalti's published answer shapes")
struct PublishedShapesTests {
    static let token = LookupReadingTests.token
    static let asked = LookupReadingTests.asked

    static func raw(_ json: String, status: Int = 200, contentType: String = "application/json") -> RawAnswer {
        RawAnswer(status: status, contentType: contentType, body: Data(json.utf8))
    }

    @Test("the published balance, float noise and all, reads rounded to the paisa")
    func balanceWithFloatNoise() throws {
        let balance = try KhaltiAPI.readBalance(Self.raw(#"{"credits_consumed": 777099.369900001, "credits_available": 161155.5}"#), token: Self.token)
        #expect(balance.available == Money(paisa: 16_115_550))
        #expect(balance.consumed == Money(paisa: 77_709_937))
        let other = try KhaltiAPI.readBalance(Self.raw(#"{"credits_available": 454135.30317999}"#), token: Self.token)
        #expect(other.available == Money(paisa: 45_413_530))
        #expect(other.consumed == nil)
    }

    @Test("the published bulk entry for an unknown reference reads as 002 does, not as Rs. 0.00 for a person", arguments: [
        #"{"status": true, "state": "Error", "details": "Invalid reference obtained for account", "reference": "ARN1", "response_id": 0, "amount": 0}"#,
        #"{"status": true, "state": "Error", "reference": "ARN1", "response_id": 0, "amount": 0.0}"#,
        #"{"status": true, "state": "Error", "reference": "ARN1", "response_id": "0", "amount": "0"}"#,
        #"{"status": true, "details": "Invalid reference obtained for account", "reference": "ARN1"}"#,
    ])
    func bulkUnknownEntry(entry: String) {
        #expect(LookupReadingTests.bulk(entry) == .success(.unknownReference))
        #expect(LookupReadingTests.single(entry) == .success(.unknownReference))
    }

    @Test("an Error entry that records a payment (an id or an amount) is a failed payment, not an unknown reference")
    func errorWithAPayment() {
        let entry = #"{"status": true, "state": "Error", "reference": "ARN1", "response_id": 77, "amount": 1695.0}"#
        guard case .success(.found(let facts))? = LookupReadingTests.bulk(entry) else { Issue.record("\(String(describing: LookupReadingTests.bulk(entry)))"); return }
        #expect(LookupPolicy.verdict(for: .found(facts), expectedAmount: Money(rupees: 1695)) == .notPaid(.failed(state: "Error")))
    }

    @Test("a lookup answered 404 or with an HTML page is a failed lookup, never an unknown reference")
    func notFoundIsAFailedLookup() throws {
        let unknownAt404 = #"{"status": false, "error_code": "002", "error": "invalid_reference", "reference": "ARN1"}"#
        #expect(throws: KhaltiError.self) { try KhaltiAPI.readLookup(Self.raw(unknownAt404, status: 404), asked: Self.asked, token: Self.token) }
        let published = #"{"status": true, "state": "Error", "reference": "ARN1", "response_id": 0, "amount": 0}"#
        #expect(throws: KhaltiError.self) { try KhaltiAPI.readLookup(Self.raw(published, status: 404), asked: Self.asked, token: Self.token) }
        let html = "<!doctype html><html><body>Not Found</body></html>"
        #expect(throws: KhaltiError.self) {
            try KhaltiAPI.readLookup(Self.raw(html, status: 404, contentType: "text/html"), asked: Self.asked, token: Self.token)
        }
        #expect(throws: KhaltiError.self) {
            try KhaltiAPI.readLookup(Self.raw(html, status: 200, contentType: "text/html"), asked: Self.asked, token: Self.token)
        }
    }

    @Test("the published Failed answer (a refund listed, refunded false, refunded_amount 0.0) is NOT PAID")
    func failedWithRefunds() {
        let answer = #"{"status": true, "state": "Failed", "original_status": "Error", "details": "failed", "reference": "ARN1", "response_id": 5, "amount": 100.0, "refunded": false, "refunded_amount": 0.0, "refunds": [{"created_at": "2024-07-15", "remarks": "auto", "amount": 100.0}]}"#
        guard case .success(.found(let facts)) = LookupReadingTests.single(answer) else { Issue.record("not found"); return }
        #expect(facts.listedRefunds == .value(Money(rupees: 100)))
        #expect(LookupPolicy.verdict(for: .found(facts), expectedAmount: Money(rupees: 100)) == .notPaid(.failed(state: "Failed")))
        let short = #"{"state": "Failed", "details": "failed", "reference": "ARN1", "response_id": 5, "amount": 100.0}"#
        guard case .success(.found(let shortFacts)) = LookupReadingTests.single(short) else { Issue.record("not found"); return }
        #expect(LookupPolicy.verdict(for: .found(shortFacts), expectedAmount: Money(rupees: 100)) == .notPaid(.failed(state: "Failed")))
    }

    @Test("a Success with refunds listed but refunded false or refunded_amount 0 goes to a person")
    func successWithListedRefunds() {
        for fields in [#""refunded": false, "refunded_amount": 0.0"#, #""refunded": true, "refunded_amount": 0"#, #""refunded": true, "refunded_amount": 50.0"#] {
            let answer = #"{"status": true, "state": "Success", "reference": "ARN1", "response_id": 5, "amount": 100.0, \#(fields), "refunds": [{"amount": 100.0}]}"#
            guard case .success(.found(let facts)) = LookupReadingTests.single(answer) else { Issue.record("not found"); continue }
            guard case .needsAttention(let why) = LookupPolicy.verdict(for: .found(facts), expectedAmount: Money(rupees: 100)) else {
                Issue.record("\(fields): not flagged"); continue
            }
            #expect(why.contains("Rs. 100.00"), "\(why)")
        }
        let agreeing = #"{"state": "Success", "reference": "ARN1", "amount": 100.0, "refunded": true, "refunded_amount": 100.0, "refunds": [{"amount": 60.0}, {"amount": 40.0}]}"#
        guard case .success(.found(let facts)) = LookupReadingTests.single(agreeing) else { Issue.record("not found"); return }
        #expect(LookupPolicy.verdict(for: .found(facts), expectedAmount: Money(rupees: 100)) == .notPaid(.refunded))
    }

    @Test("details and detail sent as JSON objects become readable text")
    func detailsAsObjects() {
        let refusal = #"{"status": false, "error_code": "1010", "details": {"amount": ["Invalid amount"], "note": "see docs"}}"#
        guard case .failure(.refused(let read)) = LookupReadingTests.single(refusal) else { Issue.record("not refused"); return }
        #expect(read.details == "amount: Invalid amount; note: see docs")
        let commit = WireReading.paymentResult(Self.raw(#"{"status": false, "state": "Failed", "detail": {"reason": "provider down"}}"#), token: Self.token)
        #expect(commit.message == "reason: provider down")
    }

    @Test("a commit answer's credits_available is read, rounded, as the balance after the payment")
    func commitCarriesBalance() {
        let answer = #"{"status": true, "state": "Success", "id": 5, "credits_available": 98305.0000000001, "credits_consumed": 1694.999900001}"#
        #expect(WireReading.paymentResult(Self.raw(answer), token: Self.token).creditsAvailable == Money(rupees: 98_305))
        #expect(WireReading.paymentResult(Self.raw(#"{"status": true, "state": "Success"}"#), token: Self.token).creditsAvailable == nil)
    }

    @Test("a hostile days_remaining is an unreadable answer naming the field, never a trap", arguments: [
        "1000000000000000", "-1000000000000000", "9223372036854775807", "1e30", "36501",
    ])
    func hostileDaysRemaining(days: String) {
        let details = #"{"status": true, "plan_details": [{"duration": 1, "amount": "1695.00"}], "days_remaining": \#(days), "current_plan": "x", "accept_advance_payment": true, "has_due": true, "full_name": "Ram"}"#
        do {
            _ = try KhaltiAPI.readAccount(Self.raw(details), username: try! Username("Pradhanang"), token: Self.token)
            Issue.record("read \(days)")
        } catch {
            #expect(error.description.contains("days_remaining"), "\(error.description)")
        }
    }

    @Test("control bytes, bidirectional overrides and the token in a name are made inert before anything keeps it")
    func hostileName() throws {
        let name = #"Ram\r\u001b[2K\u001b]0;owned\u0007\u0000\u001bp\u202e\u009b TEST:secret Bahadur"#
        let details = #"{"status": true, "plan_details": [], "days_remaining": 3, "current_plan": "plan\u0007", "accept_advance_payment": true, "has_due": true, "full_name": "\#(name)"}"#
        let account = try KhaltiAPI.readAccount(Self.raw(details), username: try Username("Pradhanang"), token: Self.token)
        #expect(OutsideText.isSafe(account.fullName) && OutsideText.isSafe(account.currentPlan))
        #expect(!account.fullName.contains("secret"))
        #expect(account.fullName.hasPrefix("Ram ?[2K?]0;owned"))
        #expect(account.fullName.hasSuffix("Bahadur"))
    }
}
