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
         PaymentVerdict.held(.refused(httpStatus: 400, code: .insufficientCredits), lookUpAfterSeconds: 0)),
        (.answered(httpStatus: 400, state: "Error", errorCode: "1013"),
         .held(.rejectedMaybeApplied(httpStatus: 400, errorCode: "1013"), lookUpAfterSeconds: 0)),
        (.answered(httpStatus: 404, state: nil, errorCode: nil), .notPaid(.serviceNotFound)),
        (.unreadable(httpStatus: 404), .notPaid(.serviceNotFound)),
        (.answered(httpStatus: 500, state: nil, errorCode: "1017"),
         .held(.rejectedMaybeApplied(httpStatus: 500, errorCode: "1017"), lookUpAfterSeconds: fiveMinutes)),
        (.unreadable(httpStatus: 502), .held(.unreadableAnswer(httpStatus: 502), lookUpAfterSeconds: fiveMinutes)),
        // 500 or more: hold and look up after five minutes, whatever the code (Khalti's rule).
        (.answered(httpStatus: 503, state: nil, errorCode: "1019"),
         .held(.rejectedMaybeApplied(httpStatus: 503, errorCode: "1019"), lookUpAfterSeconds: fiveMinutes)),
        (.answered(httpStatus: 400, state: nil, errorCode: "1019"), .held(.refused(httpStatus: 400, code: .maintenance), lookUpAfterSeconds: 0)),
        // An error object's state says nothing: "Error" under an error code is not a failed payment.
        (.answered(httpStatus: 200, state: "Error", errorCode: "1017"),
         .held(.rejectedMaybeApplied(httpStatus: 200, errorCode: "1017"), lookUpAfterSeconds: fiveMinutes)),
        (.answered(httpStatus: 200, state: "Error", errorCode: "9999"),
         .held(.rejectedMaybeApplied(httpStatus: 200, errorCode: "9999"), lookUpAfterSeconds: fiveMinutes)),
        (.answered(httpStatus: 404, state: nil, errorCode: "4000"), .notPaid(.serviceNotFound)),
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

    @Test("every error code in a payment answer: a refusal that proves nothing was applied is looked up at once; the rest wait", arguments: KhaltiErrorCode.allCases)
    func errorCodes(code: KhaltiErrorCode) {
        let verdict = PaymentPolicy.verdict(for: .answered(httpStatus: 400, state: "Error", errorCode: code.code))
        let refusals: Set<String> = ["1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011",
                                     "1012", "1014", "1015", "1016", "1019", "1020", "4000"]
        // Whatever the code, 500 or more waits the usual window.
        #expect(PaymentPolicy.verdict(for: .answered(httpStatus: 503, state: nil, errorCode: code.code))
            == .held(.rejectedMaybeApplied(httpStatus: 503, errorCode: code.code), lookUpAfterSeconds: Self.fiveMinutes))
        if refusals.contains(code.code) {
            #expect(verdict == .held(.refused(httpStatus: 400, code: code), lookUpAfterSeconds: 0))
        } else {
            // 1013 (the reference exists), 1017, 1018, 1021 (it failed while handled), 002: it may have gone through.
            #expect(verdict == .held(.rejectedMaybeApplied(httpStatus: 400, errorCode: code.code), lookUpAfterSeconds: 0))
            #expect(PaymentPolicy.verdict(for: .answered(httpStatus: 502, state: nil, errorCode: code.code))
                == .held(.rejectedMaybeApplied(httpStatus: 502, errorCode: code.code), lookUpAfterSeconds: Self.fiveMinutes))
        }
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

    func found(
        _ state: String, amount: FieldReading<Money> = .value(Money(paisa: 169_500)), refunded: FieldReading<Bool> = .value(false),
        refundedAmount: FieldReading<Money> = .absent
    ) -> LookupAnswer {
        .found(LookupFacts(state: state, amount: amount, refunded: refunded, refundedAmount: refundedAmount, transactionID: "1440"))
    }

    func needsPerson(_ answer: LookupAnswer, _ sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        guard case .needsAttention(let why) = LookupPolicy.verdict(for: answer, expectedAmount: amount) else {
            Issue.record("\(answer) was not flagged for a person", sourceLocation: sourceLocation)
            return nil
        }
        return why
    }

    @Test("states")
    func states() {
        #expect(LookupPolicy.verdict(for: found("Success"), expectedAmount: amount) == .paid(transactionID: "1440"))
        #expect(LookupPolicy.verdict(for: found("Queued"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Processing"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Status Error"), expectedAmount: amount) == .stillPending)
        #expect(LookupPolicy.verdict(for: found("Failed"), expectedAmount: amount) == .notPaid(.failed(state: "Failed")))
        #expect(LookupPolicy.verdict(for: found("Expired"), expectedAmount: amount) == .notPaid(.failed(state: "Expired")))
        // No amount at all is not a disagreement.
        #expect(LookupPolicy.verdict(for: found("Success", amount: .absent, refunded: .absent), expectedAmount: amount) == .paid(transactionID: "1440"))
    }

    @Test("002 is its own outcome, not a refund")
    func unknownReference() {
        #expect(LookupPolicy.verdict(for: .unknownReference, expectedAmount: amount) == .unknownToKhalti)
    }

    @Test("a full refund means not paid; a partial, larger or amount-less refund needs a person")
    func refunds() {
        #expect(LookupPolicy.verdict(for: found("Success", refunded: .value(true), refundedAmount: .value(amount)), expectedAmount: amount)
            == .notPaid(.refunded))
        #expect(needsPerson(found("Success", refunded: .value(true), refundedAmount: .value(Money(paisa: 100))))?.contains("Rs. 1.00 of") == true)
        #expect(needsPerson(found("Success", refunded: .value(true), refundedAmount: .value(Money(paisa: 200_000))))?.contains("more than") == true)
        #expect(needsPerson(found("Success", refunded: .value(true)))?.contains("no refunded amount") == true)
    }

    @Test("refund fields that contradict each other need a person")
    func contradictions() {
        #expect(needsPerson(found("Success", refunded: .value(false), refundedAmount: .value(amount)))?.contains("not refunded") == true)
        #expect(needsPerson(found("Success", refunded: .absent, refundedAmount: .value(Money(paisa: 1))))?.contains("not refunded") == true)
        // A zero refunded amount with refunded false says the same thing twice.
        #expect(LookupPolicy.verdict(for: found("Success", refundedAmount: .value(.zero)), expectedAmount: amount) == .paid(transactionID: "1440"))
    }

    @Test("a field that cannot be read is never guessed at", arguments: [
        ("amount", FieldReading<Money>.unreadable("field \"amount\" is not an amount"), FieldReading<Bool>.value(false), FieldReading<Money>.absent),
        ("refunded", .value(Money(paisa: 169_500)), .unreadable("field \"refunded\" is not true or false"), .absent),
        ("refunded_amount", .value(Money(paisa: 169_500)), .value(true), .unreadable("field \"refunded_amount\" is not an amount")),
    ])
    func unreadable(field: String, amount: FieldReading<Money>, refunded: FieldReading<Bool>, refundedAmount: FieldReading<Money>) {
        let why = needsPerson(found("Success", amount: amount, refunded: refunded, refundedAmount: refundedAmount))
        #expect(why?.contains(field) == true, "\(why ?? "")")
    }

    @Test("an amount that disagrees is flagged, never resolved")
    func amountMismatch() {
        let why = needsPerson(found("Success", amount: .value(Money(paisa: 100))))
        #expect(why?.contains("Rs. 1.00") == true && why?.contains("Rs. 1,695.00") == true)
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

@Suite("A refusal's sentence says why and what to do")
struct RefusalSentenceTests {
    @Test("each refusal code has its reason and next step")
    func sentences() {
        #expect(PaymentSentences.refusedByKhalti(code: .insufficientCredits, balance: Money(rupees: 1200))
            == "The counter's Khalti balance (Rs. 1,200.00) is too low for this payment: nothing was paid. Top it up, then take the payment again.")
        #expect(PaymentSentences.refusedByKhalti(code: .insufficientCredits).hasPrefix("The counter's Khalti balance is too low"))
        #expect(PaymentSentences.refusedByKhalti(code: .maintenance).hasSuffix("Try again later."))
        #expect(PaymentSentences.refusedByKhalti(code: .serviceNotEnabled).contains("Call Khalti"))
        #expect(PaymentSentences.refusedByKhalti(code: .invalidToken).contains("token"))
        #expect(PaymentSentences.refusedByKhalti(code: .clientError, khaltiWords: "Payment seems to have already been Made!")
            .hasPrefix("Khalti says this bill is already paid (\"Payment seems to have already been Made!\")"))
        #expect(!PaymentSentences.refusedByKhalti(code: .clientError, khaltiWords: "Username not found").contains("already paid"))
        #expect(PaymentSentences.refusedByKhalti(code: nil) == PaymentSentences.notPaid(.refusedByKhalti))
    }
}
