import Testing
@testable import ArrownetDomain

@Suite("Payment policy: the protocol note's tables")
struct PaymentPolicyTests {
    static let fiveMinutes = 300

    // Table 1: what a state means for the money (HTTP 200).
    @Test("states of a 200 answer", arguments: [
        ("Success", PaymentVerdict.paid),
        ("Queued", .held(.pending(state: "Queued"), lookUpAfterSeconds: fiveMinutes)),
        ("Processing", .held(.pending(state: "Processing"), lookUpAfterSeconds: fiveMinutes)),
        ("Error", .notPaid(.failed(state: "Error"))),
        ("Failed", .notPaid(.failed(state: "Failed"))),
        ("Expired", .notPaid(.failed(state: "Expired"))),
        // Deliberately held (see StateMeaning): Khalti could not tell the status.
        ("Status Error", .held(.unknownState("Status Error"), lookUpAfterSeconds: fiveMinutes)),
        ("Refunded?", .held(.unknownState("Refunded?"), lookUpAfterSeconds: fiveMinutes)),
        ("", .held(.unknownState(""), lookUpAfterSeconds: fiveMinutes)),
    ])
    func states(state: String, verdict: PaymentVerdict) {
        #expect(PaymentPolicy.verdict(for: .answered(httpStatus: 200, state: state, errorCode: nil)) == verdict)
    }

    @Test("states are read without regard to case or spaces")
    func stateSpelling() {
        #expect(StateMeaning(state: " success ") == .paid)
        #expect(StateMeaning(state: "QUEUED") == .pending)
        #expect(StateMeaning(state: "failed") == .failed)
    }

    @Test("a missing state is held, whatever status says")
    func missingState() {
        #expect(PaymentPolicy.verdict(for: .answered(httpStatus: 200, state: nil, errorCode: nil))
            == .held(.unknownState(nil), lookUpAfterSeconds: Self.fiveMinutes))
    }

    // Table 2: the HTTP answer to a payment.
    @Test("HTTP answers", arguments: [
        (PaymentAnswer.answered(httpStatus: 400, state: nil, errorCode: "1016"),
         PaymentVerdict.held(.rejectedMaybeApplied(httpStatus: 400, errorCode: "1016"), lookUpAfterSeconds: 0)),
        (.answered(httpStatus: 400, state: "Error", errorCode: "1013"),
         .held(.rejectedMaybeApplied(httpStatus: 400, errorCode: "1013"), lookUpAfterSeconds: 0)),
        (.answered(httpStatus: 404, state: nil, errorCode: nil), .notPaid(.serviceNotFound)),
        (.unreadable(httpStatus: 404), .notPaid(.serviceNotFound)),
        (.answered(httpStatus: 500, state: nil, errorCode: "1017"), .held(.serverError(httpStatus: 500), lookUpAfterSeconds: fiveMinutes)),
        (.unreadable(httpStatus: 502), .held(.unreadableAnswer(httpStatus: 502), lookUpAfterSeconds: fiveMinutes)),
        (.answered(httpStatus: 503, state: nil, errorCode: "1019"), .held(.serverError(httpStatus: 503), lookUpAfterSeconds: fiveMinutes)),
        (.noAnswer, .held(.noAnswer, lookUpAfterSeconds: fiveMinutes)),
        (.unreadable(httpStatus: 200), .held(.unreadableAnswer(httpStatus: 200), lookUpAfterSeconds: fiveMinutes)),
        (.unreadable(httpStatus: 400), .held(.unreadableAnswer(httpStatus: 400), lookUpAfterSeconds: 0)),
        (.answered(httpStatus: 302, state: nil, errorCode: nil), .held(.unexpectedStatus(httpStatus: 302), lookUpAfterSeconds: fiveMinutes)),
        (.answered(httpStatus: 401, state: "Success", errorCode: nil), .held(.unexpectedStatus(httpStatus: 401), lookUpAfterSeconds: fiveMinutes)),
        (.notSent, .notPaid(.notSent)),
    ])
    func httpAnswers(answer: PaymentAnswer, verdict: PaymentVerdict) {
        #expect(PaymentPolicy.verdict(for: answer) == verdict)
    }

    @Test("a success state under a 500 is still held: the state only counts on a 200")
    func stateOnlyCountsOn200() {
        #expect(PaymentPolicy.verdict(for: .answered(httpStatus: 500, state: "Success", errorCode: nil))
            == .held(.serverError(httpStatus: 500), lookUpAfterSeconds: Self.fiveMinutes))
    }
}

@Suite("Lookup policy")
struct LookupPolicyTests {
    let amount = Money(paisa: 169_500)

    func found(_ state: String?, amount: Money? = Money(paisa: 169_500), refunded: Bool = false, refundedAmount: Money? = nil) -> LookupAnswer {
        .found(state: state, amount: amount, refunded: refunded, refundedAmount: refundedAmount, transactionID: "1440")
    }

    @Test("states")
    func states() {
        #expect(LookupPolicy.verdict(for: found("Success"), expectedAmount: amount) == .paid(transactionID: "1440"))
        #expect(LookupPolicy.verdict(for: found("Queued"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Processing"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Status Error"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found(nil), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Failed"), expectedAmount: amount) == .notPaid(.failed(state: "Failed")))
        #expect(LookupPolicy.verdict(for: found("Expired"), expectedAmount: amount) == .notPaid(.failed(state: "Expired")))
    }

    @Test("002 is its own outcome, not a refund")
    func unknownReference() {
        #expect(LookupPolicy.verdict(for: .unknownReference, expectedAmount: amount) == .unknownToKhalti)
    }

    @Test("a refund means not paid; a partial refund needs a person")
    func refunds() {
        #expect(LookupPolicy.verdict(for: found("Success", refunded: true, refundedAmount: amount), expectedAmount: amount) == .notPaid(.refunded))
        #expect(LookupPolicy.verdict(for: found("Success", refunded: true), expectedAmount: amount) == .notPaid(.refunded))
        guard case .needsAttention = LookupPolicy.verdict(
            for: found("Success", refunded: true, refundedAmount: Money(paisa: 100)), expectedAmount: amount
        ) else {
            Issue.record("a partial refund was resolved by itself")
            return
        }
    }

    @Test("an amount that disagrees is flagged, never resolved")
    func amountMismatch() {
        let verdict = LookupPolicy.verdict(for: found("Success", amount: Money(paisa: 100)), expectedAmount: amount)
        guard case .needsAttention(let why) = verdict else {
            Issue.record("mismatch resolved as \(verdict)")
            return
        }
        #expect(why.contains("Rs. 1.00") && why.contains("Rs. 1,695.00"))
    }
}

@Suite("Error codes")
struct ErrorCodeTests {
    @Test("every code of the protocol note is known, with a kind, a meaning and a next step", arguments: [
        ("1001", ErrorKind.tokenOrAccount), ("1002", .tokenOrAccount), ("1003", .tokenOrAccount),
        ("1004", .tokenOrAccount), ("1005", .tokenOrAccount), ("1006", .tokenOrAccount),
        ("1007", .tokenOrAccount), ("1008", .tokenOrAccount), ("1009", .tokenOrAccount),
        ("1010", .requestRejected), ("1011", .requestRejected), ("1012", .requestRejected),
        ("1013", .requestRejected), ("1014", .requestRejected), ("1015", .requestRejected),
        ("1016", .insufficientCredits), ("1017", .unavailable), ("1018", .unavailable),
        ("1019", .unavailable), ("1020", .unavailable), ("1021", .unavailable),
        ("4000", .notFound), ("002", .unknownReference),
    ])
    func codes(code: String, kind: ErrorKind) throws {
        let known = try #require(KhaltiErrorCode(code: code))
        #expect(known.code == code)
        #expect(known.kind == kind)
        #expect(known.meaning.hasSuffix("."))
        #expect(known.nextStep.count > 10)
    }

    @Test("the sentences the issue names")
    func sentences() {
        #expect(KhaltiErrorCode.insufficientCredits.meaning == "Khalti balance too low for this payment.")
        #expect(KhaltiErrorCode.invalidToken.nextStep.contains("Retrying will not fix this"))
        #expect(KhaltiErrorCode.maintenance.meaning.contains("maintenance"))
    }

    @Test("an unlisted code is not guessed", arguments: ["9999", "", "1", "10166"])
    func unknown(code: String) {
        #expect(KhaltiErrorCode(code: code) == nil)
    }
}
