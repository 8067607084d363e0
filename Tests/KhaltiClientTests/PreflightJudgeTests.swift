import ArrownetDomain
import Foundation
import Testing
@testable import KhaltiClient

/// `arrownet check`'s table of documented readings: what each call must read as, and
/// the words it shows when it does not.
@Suite("check: the documented reading of each call")
struct PreflightJudgeTests {
    static let token = try! KhaltiToken("TEST:PreflightSecret9")
    static let first = try! PaymentReference("ARN1")
    static let second = try! PaymentReference("ARN2")
    static let amount = Money(paisa: 169_500)

    static func paid(amount: Money = amount) -> LookupAnswer {
        .found(LookupFacts(state: "Success", amount: .value(amount), refunded: .value(false), refundedAmount: .value(Money(paisa: 0))))
    }

    @Test("each call names its documented reading")
    func expectedReadings() {
        let expected = Dictionary(uniqueKeysWithValues: PreflightCall.allCases.map { ($0, $0.expected) })
        #expect(expected == [
            .balance: "a balance", .details: "an account", .lookupNeverSent: "unknown reference",
            .bulkLookupNeverSent: "unknown reference", .payment: "PAID", .lookupPaid: "PAID", .bulkLookupPaid: "PAID",
        ])
    }

    @Test("a balance reads as documented; a failed balance call does not")
    func balance() {
        let read = PreflightJudge.balance(.success(KhaltiBalance(available: Money(paisa: 16_115_550), consumed: nil)))
        #expect(read == PreflightReading("balance Rs. 1,61,155.50", documented: true))
        let failed = PreflightJudge.balance(.failure(.unreadableAnswer(httpStatus: 200, problem: "field \"credits_available\" is missing")))
        #expect(!failed.documented)
        #expect(failed.text.hasPrefix("failed: Khalti's answer (HTTP 200) could not be read"))
    }

    @Test("details: an account is documented; no such username is not, and says which")
    func account() throws {
        let user = try Username("nobody")
        let refusal = ServiceRefusal(code: "4000", message: nil, details: "Username not found")
        #expect(PreflightJudge.account(.failure(.refused(refusal)), username: user)
            == PreflightReading("failed: No Arrownet customer with username nobody.", documented: false))
        let account = Account(
            username: user, fullName: "A", currentPlan: "P", daysRemaining: 3, hasDue: true, acceptsAdvancePayment: true,
            plans: [Plan(duration: .oneMonth, amount: Self.amount)])
        #expect(PreflightJudge.account(.success(account), username: user) == PreflightReading("account nobody, 1 plan (months 1)", documented: true))
    }

    @Test("a reference never sent must read unknown reference, and nothing else")
    func neverSent() {
        #expect(PreflightJudge.neverSent(.success(.unknownReference)) == PreflightReading("unknown reference", documented: true))
        #expect(!PreflightJudge.neverSent(.success(Self.paid())).documented)
        let html = PreflightJudge.neverSent(.failure(.httpStatus(404, body: .html)))
        #expect(html == PreflightReading("failed lookup: Khalti answered HTTP 404 with an HTML page.", documented: false))
    }

    @Test("a paid reference must read PAID by the lookup policy: unknown, pending or another amount are not")
    func paid() {
        #expect(PreflightJudge.paid(.success(Self.paid()), amount: Self.amount) == PreflightReading("PAID", documented: true))
        #expect(PreflightJudge.paid(.success(.unknownReference), amount: Self.amount) == PreflightReading("unknown reference", documented: false))
        let queued = PreflightJudge.paid(.success(.found(LookupFacts(state: "Queued"))), amount: Self.amount)
        #expect(!queued.documented && queued.text.hasPrefix("HELD"))
        let other = PreflightJudge.paid(.success(Self.paid(amount: Money(paisa: 100))), amount: Self.amount)
        #expect(!other.documented && other.text.hasPrefix("a person must decide"))
    }

    @Test("a bulk answer is documented only when every reference asked has its documented entry")
    func bulk() {
        let asked = [Self.first, Self.second]
        let both = PreflightJudge.bulk(
            .success([Self.first: .success(.unknownReference), Self.second: .success(.unknownReference)]), asked: asked,
            single: PreflightJudge.neverSent)
        #expect(both == PreflightReading("unknown reference (each)", documented: true))
        let missing = PreflightJudge.bulk(.success([Self.first: .success(.unknownReference)]), asked: asked, single: PreflightJudge.neverSent)
        #expect(missing == PreflightReading(
            "reference 1: unknown reference; reference 2: no entry for this reference", documented: false))
        let refused = ServiceRefusal(code: "1017", message: nil, details: nil)
        let errorEntries = PreflightJudge.bulk(
            .success([Self.first: .failure(.refused(refused)), Self.second: .failure(.refused(refused))]), asked: asked,
            single: PreflightJudge.neverSent)
        #expect(!errorEntries.documented && errorEntries.text.hasPrefix("failed lookup:") && errorEntries.text.hasSuffix("(each)"))
        #expect(!PreflightJudge.bulk(.success([:]), asked: [], single: PreflightJudge.neverSent).documented, "nothing asked proves nothing")
    }

    @Test("only a PAID payment is the documented reading of the test payment")
    func payment() {
        #expect(PreflightJudge.payment(PaymentResult(answer: .answered(httpStatus: 200, state: "Success", errorCode: nil))).documented)
        let failed = PreflightJudge.payment(PaymentResult(answer: .answered(httpStatus: 200, state: "Failed", errorCode: nil)))
        #expect(!failed.documented && failed.text.hasPrefix("NOT PAID"))
        #expect(!PreflightJudge.payment(PaymentResult(answer: .noAnswer)).documented)
    }

    @Test("the paid-reference rule is said whether it was checked, failed, or not made")
    func paidReferenceRule() {
        let row = { (call: PreflightCall, documented: Bool) in
            PreflightRow(call: call, request: "GET", httpStatus: 200, shape: "", reading: PreflightReading("", documented: documented))
        }
        let user = try! Username("Pradhanang")
        let without = PreflightReport(username: user, rows: [row(.balance, true)], paymentAsked: false)
        #expect(without.paidReferenceCheck == .notMade && without.documented)
        #expect(without.paidReferenceSentence().contains("must read PAID before any \"unknown reference\" answer is trusted: that check was not made"))
        let passed = PreflightReport(username: user, rows: [row(.lookupPaid, true), row(.bulkLookupPaid, true)], paymentAsked: true)
        #expect(passed.paidReferenceCheck == .passed)
        let failed = PreflightReport(username: user, rows: [row(.lookupPaid, true), row(.bulkLookupPaid, false)], paymentAsked: true)
        #expect(failed.paidReferenceCheck == .failed && !failed.documented && failed.undocumented.map(\.call) == [.bulkLookupPaid])
    }

    // MARK: Shapes

    static func shape(_ body: String, status: Int = 200, contentType: String = "application/json", _ object: (AnswerFields, KhaltiToken) -> String) -> String {
        AnswerShape.describe(RawAnswer(status: status, contentType: contentType, body: Data(body.utf8)), token: token, object: object)
    }

    @Test("shapes: Khalti's published balance, its bulk entry for an unknown reference, 002, an HTML page")
    func shapes() {
        #expect(Self.shape(#"{"credits_consumed": 777099.369900001, "credits_available": 161155.5}"#, AnswerShape.balance)
            == "JSON object: credits_available (number, 1 decimal), credits_consumed (number, 9 decimals)")
        let bulk = #"{"status": true, "detail": [{"status": true, "state": "Error", "details": "Invalid reference obtained for account", "reference": "A", "response_id": 0, "amount": 0}, {"status": true, "state": "Error", "details": "Invalid reference obtained for account", "reference": "B", "response_id": 0, "amount": 0}]}"#
        #expect(Self.shape(bulk, AnswerShape.bulkLookup)
            == #"bulk, 2 entries, each: state Error, response_id 0, amount 0, details "Invalid reference obtained for account""#)
        #expect(Self.shape(#"{"status": false, "error_code": "002", "error": "invalid_reference"}"#, status: 400, AnswerShape.lookup)
            == "error object 002, error invalid_reference")
        #expect(Self.shape("<html><body>Not Found</body></html>", status: 404, contentType: "text/html", AnswerShape.lookup) == "HTML page")
    }

    @Test("shapes: the token is scrubbed before a value is cut, and controls are made inert")
    func shapeSafety() {
        let padded = String(repeating: "x", count: 30) + "TEST:PreflightSecret9"
        let text = Self.shape(#"{"status": false, "error_code": "1017", "details": "\#(padded)\u001b[2K\r"}"#, AnswerShape.lookup)
        #expect(!text.contains("PreflightSecret") && !text.contains("Preflight") && !text.contains("\u{1b}") && !text.contains("\r"))
        #expect(text.contains("•••"))
    }
}
