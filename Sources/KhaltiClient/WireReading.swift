import ArrownetDomain
import Foundation

/// Turns raw answers into domain values. Wire shapes stay here; nothing above this
/// file knows a JSON field name.
enum WireReading {
    /// The fields of a successful answer, or the error that explains why there are none.
    static func successFields(_ raw: RawAnswer, token: KhaltiToken) throws(KhaltiError) -> AnswerFields {
        let fields = try objectFields(raw)
        if let refusal = refusal(fields, token: token) { throw .refused(refusal) }
        guard raw.status == 200 else { throw .httpStatus(raw.status, body: .json) }
        return fields
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
                fieldErrors[token.scrub(field)] = token.scrub(flatText(value))
            }
        }
        let details = fields.value["details"].map(flatText) ?? fields.value["detail"].map(flatText)
        return ServiceRefusal(
            code: code ?? "unknown",
            message: fields.optionalString("message").map(token.scrub),
            details: details.map(token.scrub),
            fieldErrors: fieldErrors
        )
    }

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
            guard let duration = PlanDuration(rawValue: try plan.int("duration")) else { continue }
            plans.append(Plan(duration: duration, amount: try plan.money("amount")))
        }
        return Account(
            username: username,
            fullName: token.scrub(try fields.string("full_name")),
            currentPlan: token.scrub(try fields.string("current_plan")),
            daysRemaining: try fields.int("days_remaining"),
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
        let fields = AnswerFields(value: json)
        let refusal = refusal(fields, token: token)
        let words = [fields.optionalString("message"), fields.optionalString("detail")].compactMap { $0 }
        // A payment answer is an error object when it carries an error code. `status:
        // false` alone is how a failed payment is answered, and its state decides.
        let errorCode = fields.optionalString("error_code").map(token.scrub)
        return PaymentResult(
            answer: .answered(httpStatus: raw.status, state: fields.optionalString("state"), errorCode: errorCode),
            transactionID: transactionID(fields),
            message: words.isEmpty ? nil : token.scrub(words.joined(separator: " — ")),
            refusal: refusal
        )
    }

    static func transactionID(_ fields: AnswerFields) -> String? {
        fields.optionalString("id") ?? fields.optionalString("response_id")
    }

    /// 002 `invalid_reference`: Khalti has not seen this reference.
    static func isUnknownReference(_ fields: AnswerFields) -> Bool {
        fields.optionalString("error_code")?.trimmingCharacters(in: .whitespaces) == KhaltiErrorCode.invalidReference.code
            || fields.optionalString("error") == "invalid_reference"
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
        if isUnknownReference(fields) { return .success(.unknownReference) }
        if let refusal = refusal(fields, token: token) { return .failure(.refused(refusal)) }
        guard httpStatus == 200 else { return .failure(.httpStatus(httpStatus, body: .json)) }
        guard let reference = fields.optionalString("reference") else {
            return .failure(.unreadableAnswer(httpStatus: httpStatus, problem: "field \"reference\" is missing"))
        }
        guard reference == asked.value else {
            return .failure(.unreadableAnswer(
                httpStatus: httpStatus, problem: "it is about reference \(token.scrub(String(reference.prefix(60)))), not \(asked.value)"))
        }
        guard let state = fields.optionalString("state")?.trimmingCharacters(in: .whitespaces), !state.isEmpty else {
            return .failure(.unreadableAnswer(httpStatus: httpStatus, problem: "field \"state\" is missing"))
        }
        return .success(.found(LookupFacts(
            state: token.scrub(state),
            amount: reading(fields, "amount") { fields, key throws(FieldProblem) in try fields.money(key) },
            refunded: reading(fields, "refunded") { fields, key throws(FieldProblem) in try fields.bool(key) },
            refundedAmount: reading(fields, "refunded_amount") { fields, key throws(FieldProblem) in try fields.money(key) },
            transactionID: transactionID(fields).map(token.scrub)
        )))
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
