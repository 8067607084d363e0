import ArrownetDomain
import Foundation

/// Turns raw answers into domain values. Wire shapes stay here; nothing above this
/// file knows a JSON field name.
enum WireReading {
    /// The fields of a successful answer, or the error that explains why there are none.
    static func successFields(_ raw: RawAnswer, token: KhaltiToken) throws(KhaltiError) -> AnswerFields {
        if (300..<400).contains(raw.status) { throw .redirectRefused(httpStatus: raw.status) }
        guard let json = JSONValue.parse(raw.body), case .object = json else {
            let kind = bodyKind(raw)
            if raw.status == 200 {
                throw .unreadableAnswer(httpStatus: 200, problem: "it is \(kind.rawValue), not JSON")
            }
            throw .httpStatus(raw.status, body: kind)
        }
        let fields = AnswerFields(value: json)
        if let refusal = refusal(fields, token: token) { throw .refused(refusal) }
        guard raw.status == 200 else { throw .httpStatus(raw.status, body: .json) }
        return fields
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

    static func account(_ fields: AnswerFields, username: Username) throws(FieldProblem) -> Account {
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
            fullName: try fields.string("full_name"),
            currentPlan: try fields.string("current_plan"),
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
        return PaymentResult(
            answer: .answered(httpStatus: raw.status, state: fields.optionalString("state"), errorCode: refusal?.rawCode),
            transactionID: transactionID(fields),
            message: words.isEmpty ? nil : token.scrub(words.joined(separator: " — ")),
            refusal: refusal
        )
    }

    static func transactionID(_ fields: AnswerFields) -> String? {
        fields.optionalString("id") ?? fields.optionalString("response_id")
    }

    /// 002 `invalid_reference`: Khalti has not seen this reference.
    static func unknownReference(_ raw: RawAnswer) -> LookupAnswer? {
        guard let json = JSONValue.parse(raw.body) else { return nil }
        return isUnknownReference(AnswerFields(value: json)) ? .unknownReference : nil
    }

    static func isUnknownReference(_ fields: AnswerFields) -> Bool {
        fields.optionalString("error_code") == KhaltiErrorCode.invalidReference.code
            || fields.optionalString("error") == "invalid_reference"
    }

    static func lookupAnswer(_ fields: AnswerFields) -> LookupAnswer {
        .found(
            state: fields.optionalString("state"),
            amount: fields.optionalMoney("amount"),
            refunded: fields.optionalBool("refunded") ?? false,
            refundedAmount: fields.optionalMoney("refunded_amount"),
            transactionID: transactionID(fields)
        )
    }

    static func bulkLookupAnswers(_ entries: [JSONValue], asked: [PaymentReference]) -> [PaymentReference: LookupAnswer] {
        let wanted = Set(asked.map(\.value))
        var answers: [PaymentReference: LookupAnswer] = [:]
        for entry in entries {
            let fields = AnswerFields(value: entry)
            guard let text = fields.optionalString("reference"), wanted.contains(text),
                  let reference = try? PaymentReference(text)
            else { continue }
            answers[reference] = isUnknownReference(fields) ? .unknownReference : lookupAnswer(fields)
        }
        return answers
    }
}
