import ArrownetDomain
import Foundation

/// Turns raw answers into domain values. Wire shapes stay here; nothing above this
/// file knows a JSON field name.
enum WireReading {
    /// The fields of a successful answer, or the error that explains why there are none.
    static func successFields(_ raw: RawAnswer, token: KhaltiToken) throws(KhaltiError) -> AnswerFields {
        try readAnswer(try objectFields(raw), httpStatus: raw.status, token: token) { fields throws(FieldProblem) in fields }
    }

    /// The JSON object of an answer, whatever its HTTP status, or the error that says
    /// why there is none (a redirect, an HTML page, a body that is not JSON).
    static func objectFields(_ raw: RawAnswer) throws(KhaltiError) -> AnswerFields {
        if (300..<400).contains(raw.status) { throw .redirectRefused(httpStatus: raw.status) }
        guard let json = JSONValue.parse(raw.body), case .object = json else {
            let kind = bodyKind(raw)
            if raw.status == 200 {
                throw .unreadableAnswer(httpStatus: 200, problem: "it is \(kind.rawValue), not JSON")
            }
            throw .httpStatus(raw.status, body: kind)
        }
        return AnswerFields(value: json)
    }

    /// An answer with `status: false` or an error code is a refusal, whatever its HTTP status.
    static func refusal(_ fields: AnswerFields, token: KhaltiToken) -> ServiceRefusal? {
        let code = fields.optionalString("error_code")
        let statusFalse = fields.optionalBool("status") == false
        guard code != nil || statusFalse else { return nil }
        var fieldErrors: [String: String] = [:]
        if case .object(let entries)? = fields.value["error_data"] {
            for (field, value) in entries {
                fieldErrors[outside(field, token: token, limit: 40)] = outside(flatText(value), token: token)
            }
        }
        let details = fields.words("details") ?? fields.words("detail")
        return ServiceRefusal(
            code: code.map { outside($0, token: token, limit: 12) } ?? "unknown",
            message: fields.words("message").map { outside($0, token: token) },
            details: details.map { outside($0, token: token) },
            fieldErrors: fieldErrors
        )
    }

    /// Text from Khalti as the program keeps it: the token scrubbed, every control and
    /// bidirectional override shown as `?` (`OutsideText.line`), and cut to `limit`
    /// characters, so a journal row, a screen or a receipt never holds what a server
    /// chose to make a terminal or printer do.
    static func outside(_ text: String, token: KhaltiToken, limit: Int = maximumTextCharacters) -> String {
        let clean = OutsideText.line(token.scrub(text))
        return clean.count > limit ? String(clean.prefix(limit)) + "…" : clean
    }

    /// Longer than any name, plan or sentence a counter shows; a megabyte of "name" is
    /// kept as its first 200 characters.
    static let maximumTextCharacters = 200

    /// Days remaining on an account, within a century either way: date arithmetic on
    /// anything larger is meaningless, and on 10^15 it traps.
    static let daysRemainingRange = -36_500...36_500

    /// Text of any JSON value, lists joined: validation messages come as `["..."]`.
    static func flatText(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): items.map(flatText).joined(separator: " ")
        case .object(let fields): fields.keys.sorted().map { "\($0): \(flatText(fields[$0]!))" }.joined(separator: "; ")
        default: value.text ?? ""
        }
    }

    static func bodyKind(_ raw: RawAnswer) -> KhaltiError.BodyKind {
        if raw.body.isEmpty { return .empty }
        let start = String(decoding: raw.body.prefix(512), as: UTF8.self).lowercased()
        if raw.contentType?.lowercased().contains("html") == true || start.contains("<html") || start.contains("<!doctype") {
            return .html
        }
        return JSONValue.parse(raw.body) == nil ? .text : .json
    }

    /// The balance answer. Khalti's published example is JSON numbers with float noise
    /// (`{"credits_consumed": 777099.369900001, "credits_available": 161155.5}`), read
    /// from the digits and rounded half-even to the paisa; only an unreadable
    /// `credits_available` refuses the answer.
    static func balance(_ fields: AnswerFields) throws(FieldProblem) -> KhaltiBalance {
        KhaltiBalance(available: try fields.reportedMoney("credits_available"), consumed: fields.optionalReportedMoney("credits_consumed"))
    }

    /// The reading of a whole answer object as the API takes it: a refusal, an HTTP
    /// error, or `read`'s value, with a field problem turned into an unreadable answer
    /// whose sentence names the field and is scrubbed of the token (a problem quotes
    /// what the server sent, which may echo the request).
    static func readAnswer<Value>(
        _ fields: AnswerFields, httpStatus: Int, token: KhaltiToken, _ read: (AnswerFields) throws(FieldProblem) -> Value
    ) throws(KhaltiError) -> Value {
        if let refusal = refusal(fields, token: token) { throw .refused(refusal) }
        guard httpStatus == 200 else { throw .httpStatus(httpStatus, body: .json) }
        do {
            return try read(fields)
        } catch {
            throw .unreadableAnswer(httpStatus: httpStatus, problem: token.scrub(error.sentence))
        }
    }

    /// The customer as the details answer describes them. Its texts are scrubbed of the
    /// token: they are shown on screen and written to the journal and receipts.
    static func account(_ fields: AnswerFields, username: Username, token: KhaltiToken) throws(FieldProblem) -> Account {
        guard case .array(let entries)? = fields.value["plan_details"] else {
            throw FieldProblem(field: "plan_details", problem: "is missing or not a list")
        }
        var plans: [Plan] = []
        for entry in entries {
            let plan = AnswerFields(value: entry)
            // A duration Arrownet may add later (say 2 months) is not one the
            // console sells: skip it rather than refuse the customer.
            guard let duration = PlanDuration(rawValue: try plan.int("duration", in: 0...1_200)) else { continue }
            plans.append(Plan(duration: duration, amount: try plan.money("amount")))
        }
        return Account(
            username: username,
            fullName: outside(try fields.string("full_name"), token: token),
            currentPlan: outside(try fields.string("current_plan"), token: token),
            daysRemaining: try fields.int("days_remaining", in: daysRemainingRange),
            hasDue: try fields.bool("has_due"),
            acceptsAdvancePayment: try fields.bool("accept_advance_payment"),
            plans: plans
        )
    }

    static func paymentResult(_ raw: RawAnswer, token: KhaltiToken) -> PaymentResult {
        // A redirect is not followed; whatever its body, it is an unexpected status.
        if (300..<400).contains(raw.status) {
            return PaymentResult(answer: .answered(httpStatus: raw.status, state: nil, errorCode: nil))
        }
        guard let json = JSONValue.parse(raw.body), case .object = json else {
            return PaymentResult(answer: .unreadable(httpStatus: raw.status))
        }
        return paymentResult(AnswerFields(value: json), httpStatus: raw.status, token: token)
    }

    /// A payment answer that is a JSON object.
    static func paymentResult(_ fields: AnswerFields, httpStatus: Int, token: KhaltiToken) -> PaymentResult {
        let refusal = refusal(fields, token: token)
        let words = [fields.words("message"), fields.words("detail")].compactMap { $0 }
        // A payment answer is an error object when it carries an error code. `status:
        // false` alone is how a failed payment is answered, and its state decides.
        let errorCode = fields.optionalString("error_code").map { outside($0, token: token, limit: 12) }
        return PaymentResult(
            answer: .answered(
                httpStatus: httpStatus, state: fields.optionalString("state").map { outside($0, token: token, limit: 40) },
                errorCode: errorCode),
            transactionID: transactionID(fields, token: token),
            message: words.isEmpty ? nil : outside(words.joined(separator: " — "), token: token),
            refusal: refusal,
            // Some of Khalti's services report the balance left after a payment; the
            // counter's header shows it without another call.
            creditsAvailable: fields.optionalReportedMoney("credits_available")
        )
    }

    /// Khalti's transaction id (`id`, else `response_id`), as text; nothing is computed
    /// from it, so any length of digits is kept, cut to a reference's size.
    static func transactionID(_ fields: AnswerFields, token: KhaltiToken) -> String? {
        (fields.optionalString("id") ?? fields.optionalString("response_id")).map { outside($0, token: token, limit: 60) }
    }

    /// Khalti has not seen this reference: the single lookup's 002 `invalid_reference`,
    /// or the entry Khalti's published bulk answer gives for it (`status: true`, `state:
    /// "Error"`, `response_id: 0`, `amount: 0`, `details: "Invalid reference obtained for
    /// account"`, no error code), which is not a payment of Rs. 0.00 and not a final Error.
    static func isUnknownReference(_ fields: AnswerFields) -> Bool {
        let code = fields.optionalString("error_code")?.trimmingCharacters(in: .whitespaces)
        if code == KhaltiErrorCode.invalidReference.code || fields.optionalString("error") == "invalid_reference" { return true }
        guard code == nil, fields.optionalBool("status") != false else { return false }
        let state = fields.optionalString("state")?.trimmingCharacters(in: .whitespaces).lowercased()
        guard state == nil || state == "error" else { return false }
        let saysInvalidReference = [fields.words("details"), fields.words("detail")]
            .contains { $0?.lowercased().contains("invalid reference") ?? false }
        let nothingRecorded = isZero(fields, "response_id") && isZero(fields, "amount")
        return saysInvalidReference || (state == "error" && nothingRecorded)
    }

    /// A field sent as the number or text zero (`0`, `0.0`, `"0"`).
    private static func isZero(_ fields: AnswerFields, _ key: String) -> Bool {
        switch fields.value[key] {
        case .number(let number)?: number == 0
        case .string(let text)?: Decimal(string: text.trimmingCharacters(in: .whitespaces)) == 0
        default: false
        }
    }

    /// One lookup answer, single or an entry of a bulk answer, read by meaning and by the
    /// same code for both: 002 is "unknown reference"; any other error object (`status:
    /// false`, an error code) is a failed lookup for that reference, whatever its
    /// `state: "Error"` says; an answer about another reference, or without a state, is a
    /// failed lookup; fields that are sent but cannot be read are kept as unreadable, for
    /// the policy to flag.
    static func lookupResult(
        _ fields: AnswerFields, httpStatus: Int, asked: PaymentReference, token: KhaltiToken
    ) -> Result<LookupAnswer, KhaltiError> {
        // "Unknown reference" lets the counter give cash back, so only an answer from the
        // lookup itself says it: a 404 (a wrong address, the path form Khalti's page also
        // shows) or a proxy's error is a failed lookup, whatever its body claims.
        guard httpStatus == 200 || httpStatus == 400 else {
            if let refusal = refusal(fields, token: token), !isUnknownReference(fields) { return .failure(.refused(refusal)) }
            return .failure(.httpStatus(httpStatus, body: .json))
        }
        if isUnknownReference(fields) { return .success(.unknownReference) }
        if let refusal = refusal(fields, token: token) { return .failure(.refused(refusal)) }
        guard httpStatus == 200 else { return .failure(.httpStatus(httpStatus, body: .json)) }
        guard let reference = fields.optionalString("reference") else {
            return .failure(.unreadableAnswer(httpStatus: httpStatus, problem: "field \"reference\" is missing"))
        }
        guard reference == asked.value else {
            return .failure(.unreadableAnswer(
                httpStatus: httpStatus, problem: "it is about reference \(outside(reference, token: token, limit: 60)), not \(asked.value)"))
        }
        guard let state = fields.optionalString("state")?.trimmingCharacters(in: .whitespaces), !state.isEmpty else {
            return .failure(.unreadableAnswer(httpStatus: httpStatus, problem: "field \"state\" is missing"))
        }
        return .success(.found(LookupFacts(
            state: outside(state, token: token, limit: 40),
            amount: reading(fields, "amount") { fields, key throws(FieldProblem) in try fields.reportedMoney(key) },
            refunded: reading(fields, "refunded") { fields, key throws(FieldProblem) in try fields.bool(key) },
            refundedAmount: reading(fields, "refunded_amount") { fields, key throws(FieldProblem) in try fields.reportedMoney(key) },
            listedRefunds: reading(fields, "refunds") { fields, key throws(FieldProblem) in try listedRefunds(fields, key) },
            transactionID: transactionID(fields, token: token)
        )))
    }

    /// The sum of the refunds Khalti lists for a payment (`refunds: [{created_at,
    /// remarks, amount}]`); an empty list is zero.
    static func listedRefunds(_ fields: AnswerFields, _ key: String) throws(FieldProblem) -> Money {
        guard case .array(let entries)? = fields.value[key] else { throw FieldProblem(field: key, problem: "is not a list") }
        // A hundred refunds of one payment is not an answer; it also keeps the sum bounded.
        guard entries.count <= 100 else { throw FieldProblem(field: key, problem: "lists \(entries.count) refunds") }
        var total = Money.zero
        for entry in entries {
            do {
                total = total + (try AnswerFields(value: entry).reportedMoney("amount"))
            } catch {
                throw FieldProblem(field: "\(key)[].amount", problem: error.problem)
            }
        }
        return total
    }

    /// A field as sent: absent (missing or null), read, or unreadable with the reason.
    static func reading<Value>(
        _ fields: AnswerFields, _ key: String, _ read: (AnswerFields, String) throws(FieldProblem) -> Value
    ) -> FieldReading<Value> {
        guard fields.value[key] != nil else { return .absent }
        do {
            return .value(try read(fields, key))
        } catch {
            return .unreadable(error.sentence)
        }
    }

    /// The entries of a bulk answer for the references asked, each read like a single
    /// answer. Entries for references not asked are ignored; references with no entry
    /// are missing from the result (the caller looks them up singly).
    static func bulkLookupResults(
        _ entries: [JSONValue], asked: [PaymentReference], token: KhaltiToken
    ) -> [PaymentReference: Result<LookupAnswer, KhaltiError>] {
        let wanted = Dictionary(asked.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [PaymentReference: Result<LookupAnswer, KhaltiError>] = [:]
        for entry in entries {
            let fields = AnswerFields(value: entry)
            guard let text = fields.optionalString("reference"), let reference = wanted[text], results[reference] == nil else { continue }
            results[reference] = lookupResult(fields, httpStatus: 200, asked: reference, token: token)
        }
        return results
    }
}
