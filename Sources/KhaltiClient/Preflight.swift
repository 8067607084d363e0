import ArrownetDomain

/// `arrownet check`: the calls a shop makes before taking real money, each read by the
/// program's own readers (`KhaltiProbe`) and judged against the documented reading
/// (`PreflightJudge`).
public enum Preflight {
    /// Balance, details for `username`, a single and a bulk lookup of references never
    /// sent and, when `pay`, one 1-month payment and its single and bulk lookups.
    /// Callers decide whether a payment is allowed (never on live).
    public static func run(
        _ probe: KhaltiProbe, username: Username, pay: Bool, references: ReferenceGenerator
    ) async -> PreflightReport {
        var rows: [PreflightRow] = []
        let balance = await probe.balance()
        rows.append(PreflightRow(.balance, balance, reading: PreflightJudge.balance(balance.reading)))
        let details = await probe.accountDetails(for: username)
        rows.append(PreflightRow(.details, details, reading: PreflightJudge.account(details.reading, username: username)))

        // Fresh references, made as payments make them: Khalti cannot have seen them.
        let neverSent = [references.next(), references.next()]
        let single = await probe.lookUp(neverSent[0])
        rows.append(PreflightRow(.lookupNeverSent, single, references: [neverSent[0]], reading: PreflightJudge.neverSent(single.reading)))
        let bulk = await probe.lookUp(neverSent)
        rows.append(PreflightRow(
            .bulkLookupNeverSent, bulk, references: neverSent,
            reading: PreflightJudge.bulk(bulk.reading, asked: neverSent, single: PreflightJudge.neverSent)))

        if pay { rows += await payAndLookUp(probe, username: username, account: try? details.reading.get(), references: references) }
        // The readers scrub what they quote; a reading's sentence is scrubbed once more
        // here, so no path from a server's words to the output can carry the token.
        return PreflightReport(username: username, rows: rows.map { $0.scrubbed(probe.api.token) }, paymentAsked: pay)
    }

    /// One real payment of the 1-month plan the details answer offers, then its lookups,
    /// which must read PAID before any "unknown reference" answer can be trusted.
    static func payAndLookUp(
        _ probe: KhaltiProbe, username: Username, account: Account?, references: ReferenceGenerator
    ) async -> [PreflightRow] {
        guard let plan = account?.plan(for: .oneMonth) else {
            let why = account == nil ? "the details call gave no account" : "the account offers no 1-month plan"
            return [.payment, .lookupPaid, .bulkLookupPaid].map { PreflightRow(notMade: $0, why: why) }
        }
        let reference = references.next()
        let payment = await probe.pay(PaymentRequest(username: username, plan: plan, reference: reference))
        let single = await probe.lookUp(reference)
        let bulk = await probe.lookUp([reference])
        let paid = { (reading: Result<LookupAnswer, KhaltiError>) in PreflightJudge.paid(reading, amount: plan.amount) }
        return [
            PreflightRow(.payment, payment, references: [reference], reading: PreflightJudge.payment(payment.reading)),
            PreflightRow(.lookupPaid, single, references: [reference], reading: paid(single.reading)),
            PreflightRow(.bulkLookupPaid, bulk, references: [reference], reading: PreflightJudge.bulk(bulk.reading, asked: [reference], single: paid)),
        ]
    }
}

/// One line of the check: the call, what came back, how it was read.
public struct PreflightRow: Sendable, Equatable {
    public let call: PreflightCall
    /// `GET /api/service/status/`; nil when the call was not made.
    public let request: String?
    /// The references the call asked about (lookups and the payment).
    public let references: [PaymentReference]
    public let httpStatus: Int?
    public let shape: String
    public let reading: PreflightReading

    public init(
        call: PreflightCall, request: String?, references: [PaymentReference] = [], httpStatus: Int?, shape: String,
        reading: PreflightReading
    ) {
        self.call = call
        self.request = request
        self.references = references
        self.httpStatus = httpStatus
        self.shape = shape
        self.reading = reading
    }

    init<Value: Sendable>(_ call: PreflightCall, _ answer: ProbeAnswer<Value>, references: [PaymentReference] = [], reading: PreflightReading) {
        self.init(
            call: call, request: answer.request, references: references, httpStatus: answer.httpStatus, shape: answer.shape,
            reading: reading)
    }

    func scrubbed(_ token: KhaltiToken) -> PreflightRow {
        PreflightRow(
            call: call, request: request, references: references, httpStatus: httpStatus, shape: token.scrub(shape),
            reading: PreflightReading(token.scrub(reading.text), documented: reading.documented))
    }

    init(notMade call: PreflightCall, why: String) {
        self.init(call: call, request: nil, httpStatus: nil, shape: "not sent", reading: PreflightJudge.notMade(why))
    }
}

/// Whether a lookup of a reference known to be paid read PAID: until it has, an
/// "unknown reference" answer from that Khalti proves nothing (the lookups may be
/// sent in a form the server ignores).
public enum PaidReferenceCheck: String, Sendable {
    case passed
    case failed
    case notMade = "not_made"
}

/// Everything `check` found, for the table and the JSON alike.
public struct PreflightReport: Sendable, Equatable {
    public let username: Username
    public let rows: [PreflightRow]
    public let paymentAsked: Bool

    public init(username: Username, rows: [PreflightRow], paymentAsked: Bool) {
        self.username = username
        self.rows = rows
        self.paymentAsked = paymentAsked
    }

    /// Every reading is the documented one: the only result that lets a shop go ahead.
    public var documented: Bool { rows.allSatisfy(\.reading.documented) }

    public var undocumented: [PreflightRow] { rows.filter { !$0.reading.documented } }

    public var paidReferenceCheck: PaidReferenceCheck {
        let paidRows = rows.filter { $0.call == .lookupPaid || $0.call == .bulkLookupPaid }
        guard paymentAsked, !paidRows.isEmpty else { return .notMade }
        return paidRows.allSatisfy(\.reading.documented) ? .passed : .failed
    }

    public static let lookupForm = "Lookups were sent as \(KhaltiProbe.lookupForm)."

    /// The rule, said whether or not it could be checked. `payRefusal`, when given, is why
    /// `--pay` could not be used here (live).
    public func paidReferenceSentence(payRefusal: String? = nil) -> String {
        let rule = "A lookup of a known paid reference must read PAID before any \"unknown reference\" answer is trusted"
        switch paidReferenceCheck {
        case .passed:
            return "\(rule): checked, the reference just paid read PAID in the single and the bulk lookup."
        case .failed:
            return "\(rule): the reference just paid did NOT read PAID, so no \"unknown reference\" answer from this Khalti "
                + "can be trusted yet."
        case .notMade:
            return "\(rule): that check was not made\(payRefusal.map { " (\($0))" } ?? " (run arrownet check --pay on UAT or the sandbox)")."
        }
    }
}
