import ArrownetDomain

/// The calls `arrownet check` makes, and the reading Khalti's documentation says each
/// must get. Pure: what the program read goes in, the words and a yes or no come out.
public enum PreflightCall: String, Sendable, CaseIterable {
    case balance
    case details
    case lookupNeverSent = "lookup_never_sent"
    case bulkLookupNeverSent = "bulk_lookup_never_sent"
    case payment
    case lookupPaid = "lookup_paid"
    case bulkLookupPaid = "bulk_lookup_paid"

    /// The row's name in the table.
    public var label: String {
        switch self {
        case .balance: "balance"
        case .details: "details"
        case .lookupNeverSent: "lookup, never sent"
        case .bulkLookupNeverSent: "bulk lookup, never sent"
        case .payment: "payment, 1 month"
        case .lookupPaid: "lookup, paid"
        case .bulkLookupPaid: "bulk lookup, paid"
        }
    }

    /// The documented reading, in the table's words.
    public var expected: String {
        switch self {
        case .balance: "a balance"
        case .details: "an account"
        case .lookupNeverSent, .bulkLookupNeverSent: "unknown reference"
        case .payment, .lookupPaid, .bulkLookupPaid: "PAID"
        }
    }
}

/// How the program read one answer, and whether that is the documented reading.
public struct PreflightReading: Sendable, Equatable {
    public let text: String
    public let documented: Bool

    public init(_ text: String, documented: Bool) {
        self.text = text
        self.documented = documented
    }
}

/// Each call's reading turned into words and judged against `PreflightCall.expected`.
public enum PreflightJudge {
    public static func balance(_ reading: Result<KhaltiBalance, KhaltiError>) -> PreflightReading {
        switch reading {
        case .success(let balance): PreflightReading("balance \(balance.available.formatted)", documented: true)
        case .failure(let error): failed(error, call: "failed")
        }
    }

    /// A readable account is the documented reading; "no such username" is an answer, but
    /// not the account the check asked about (and is said with the username asked).
    public static func account(_ reading: Result<Account, KhaltiError>, username: Username) -> PreflightReading {
        switch reading {
        case .success(let account):
            let plans = account.plans.map { "\($0.duration.months)" }.joined(separator: ", ")
            return PreflightReading(
                "account \(account.username.value), \(account.plans.count) plan\(account.plans.count == 1 ? "" : "s")"
                    + (plans.isEmpty ? "" : " (months \(plans))"),
                documented: true)
        case .failure(let error):
            return PreflightReading("failed: \(error.clerkSentences(username: username).reason)", documented: false)
        }
    }

    /// A reference never sent must read "unknown reference", and nothing else: a state, an
    /// error object or a failed lookup would each send real payments down the wrong path.
    public static func neverSent(_ reading: Result<LookupAnswer, KhaltiError>) -> PreflightReading {
        switch reading {
        case .success(.unknownReference): PreflightReading("unknown reference", documented: true)
        case .success(.found(let facts)): PreflightReading("Khalti knows it: state \(facts.state)", documented: false)
        case .failure(let error): failed(error)
        }
    }

    /// A paid reference must read PAID, by the same policy the counter settles payments with.
    public static func paid(_ reading: Result<LookupAnswer, KhaltiError>, amount: Money) -> PreflightReading {
        switch reading {
        case .success(let answer):
            switch LookupPolicy.verdict(for: answer, expectedAmount: amount) {
            case .paid: PreflightReading("PAID", documented: true)
            case .unknownToKhalti: PreflightReading("unknown reference", documented: false)
            case .stillPending: PreflightReading("HELD: not final yet (\(state(answer)))", documented: false)
            case .notPaid(let reason): PreflightReading("NOT PAID: \(PaymentSentences.notPaid(reason))", documented: false)
            case .needsAttention(let why): PreflightReading("a person must decide: \(why)", documented: false)
            }
        case .failure(let error):
            failed(error)
        }
    }

    /// A bulk answer judged entry by entry: every reference asked must have its entry,
    /// each read as `single` would have it.
    public static func bulk(
        _ reading: Result<[PaymentReference: Result<LookupAnswer, KhaltiError>], KhaltiError>, asked: [PaymentReference],
        single: (Result<LookupAnswer, KhaltiError>) -> PreflightReading
    ) -> PreflightReading {
        let entries: [PaymentReference: Result<LookupAnswer, KhaltiError>]
        switch reading {
        case .success(let read): entries = read
        case .failure(let error): return failed(error)
        }
        let readings = asked.map { reference in
            entries[reference].map(single) ?? PreflightReading("no entry for this reference", documented: false)
        }
        let documented = !readings.isEmpty && readings.allSatisfy(\.documented)
        if let first = readings.first, readings.allSatisfy({ $0 == first }) {
            return PreflightReading(readings.count > 1 ? "\(first.text) (each)" : first.text, documented: documented)
        }
        let texts = readings.enumerated().map { "reference \($0.offset + 1): \($0.element.text)" }
        return PreflightReading(texts.joined(separator: "; "), documented: documented)
    }

    /// The payment as the desk would read it: only PAID is the documented reading of a
    /// test payment to the test user.
    public static func payment(_ result: PaymentResult) -> PreflightReading {
        let refusal = result.refusal.map { " (\($0.clerkSentences(username: nil).reason))" } ?? ""
        switch result.verdict {
        case .paid: return PreflightReading("PAID", documented: true)
        case .held(let reason, _): return PreflightReading("HELD: \(PaymentSentences.held(reason))\(refusal)", documented: false)
        case .notPaid(let reason): return PreflightReading("NOT PAID: \(PaymentSentences.notPaid(reason))\(refusal)", documented: false)
        }
    }

    /// A call that was not made, and why (no plan to pay, no payment to look up).
    public static func notMade(_ why: String) -> PreflightReading {
        PreflightReading("not made: \(why)", documented: false)
    }

    /// `failed lookup: Khalti answered HTTP 404 with an HTML page.`: the reason without the
    /// clerk's next step, which is not the check's.
    static func failed(_ error: KhaltiError, call: String = "failed lookup") -> PreflightReading {
        PreflightReading("\(call): \(error.clerkSentences(username: nil).reason)", documented: false)
    }

    static func state(_ answer: LookupAnswer) -> String {
        if case .found(let facts) = answer { return "state \(facts.state)" }
        return "no state"
    }
}
