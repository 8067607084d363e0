import ArrownetDomain
import ConsoleCore
import KhaltiClient
import LiveConsole
import PaymentJournal
import Testing

@Suite("Khalti and journal errors as the clerk reads them")
struct ErrorMappingTests {
    static let username = try! Username("nosuchcustomer")

    @Test("4000 to a details call: no such customer, check the username")
    func unknownCustomer() {
        let error = KhaltiError.refused(ServiceRefusal(code: "4000", message: "Can't fulfill request", details: "Username not found"))
        let shown = ConsoleError(khalti: error, username: Self.username)
        #expect(shown == ConsoleError(
            kind: .notFound, reason: "No Arrownet customer with username nosuchcustomer.",
            nextStep: "Check the username with the customer."))
        // Without a username (a balance call, say) it is Khalti's "could not fulfil".
        #expect(ConsoleError(khalti: error).reason == "Khalti could not fulfil the request. (Khalti: Username not found)")
    }

    @Test("a refused token: the code's meaning, and that retrying will not help")
    func tokenRefused() {
        let shown = ConsoleError(khalti: .refused(ServiceRefusal(code: "1002", message: "Invalid token", details: nil)))
        #expect(shown == ConsoleError(
            kind: .tokenOrAccount, reason: KhaltiErrorCode.invalidToken.meaning, nextStep: KhaltiErrorCode.invalidToken.nextStep))
        #expect(shown.kind == .tokenOrAccount)
        #expect(shown.nextStep.hasPrefix("Retrying will not fix this"))
    }

    @Test("every Khalti error code reaches the clerk as its meaning and a next step; Khalti's own words in brackets")
    func everyErrorCode() {
        for code in KhaltiErrorCode.allCases {
            let shown = ConsoleError(khalti: .refused(ServiceRefusal(code: code.code, message: nil, details: nil)))
            #expect(shown.kind == code.kind, "\(code.code)")
            #expect(shown.reason == code.meaning, "\(code.code)")
            #expect(shown.nextStep == code.nextStep, "\(code.code)")
            #expect(shown.sentence.hasSuffix(".") && shown.sentence.count > 30, "\(code.code)")
        }
        let validation = ConsoleError(khalti: .refused(ServiceRefusal(
            code: KhaltiErrorCode.validationError.code, message: nil, details: nil, fieldErrors: ["amount": "Invalid amount"])))
        #expect(validation.reason == "\(KhaltiErrorCode.validationError.meaning) (Khalti: amount: Invalid amount)")
        #expect(ConsoleError(kind: .unavailable, reason: "Khalti did not answer within 20 s. Check the connection.", nextStep: "").sentence
            == "Khalti did not answer within 20 s. Check the connection.")
    }

    @Test("every client error keeps the command line's sentence, split into reason and next step", arguments: [
        KhaltiError.refused(ServiceRefusal(code: "1019", message: "Under maintenance", details: nil)),
        .refused(ServiceRefusal(code: "7777", message: nil, details: "odd")),
        .refused(ServiceRefusal(code: "1010", message: nil, details: nil, fieldErrors: ["amount": "Invalid amount"])),
        .httpStatus(502, body: .html), .httpStatus(404, body: .empty), .unreadableAnswer(httpStatus: 200, problem: "field \"x\" is missing"),
        .timedOut(seconds: 20), .cannotConnect("connection refused"), .connectionLost, .redirectRefused(httpStatus: 301),
        .answerTooLarge(limitBytes: 1 << 20), .configuration(.testTokenOnLive),
    ])
    func split(error: KhaltiError) {
        let shown = ConsoleError(khalti: error)
        #expect(shown.kind == error.kind)
        #expect(!shown.reason.isEmpty)
        #expect(shown.sentence == error.explanation(username: nil))
        if case .configuration = error { #expect(shown.nextStep.isEmpty) } else { #expect(!shown.nextStep.isEmpty) }
    }

    @Test("journal errors: the journal's sentence, then support unless it already says what to do")
    func journal() {
        let written = ConsoleError(journal: .writeFailed("disk I/O error"))
        #expect(written.kind == .unavailable)
        #expect(written.reason == "The payment journal could not be written (disk I/O error). Nothing was sent to Khalti.")
        #expect(written.nextStep == "Call support: no payment can be taken until the journal can be used.")
        let open = ConsoleError(journal: .folderNotPrivate(path: "/srv/a", mode: "755"))
        #expect(open.nextStep.isEmpty && open.reason.hasSuffix("Set ARROWNET_DATA_DIR to a private folder."))
    }
}
