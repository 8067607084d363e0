import ArrownetDomain
import Foundation

/// A short description of a raw answer, for `arrownet check`: what kind of body it was
/// and, for JSON, which fields of what types, so a person can set it beside Khalti's
/// documentation. It describes; it never decides (the readers do).
///
/// Every value quoted from the server is scrubbed of the token first, then made safe
/// (`OutsideText.line`) and cut, so the token cannot survive even in part.
enum AnswerShape {
    /// Longest quoted server value.
    static let valueLimit = 40
    /// Longest description as a whole (JSON output; the table cuts further).
    static let limit = 240

    static func describe(_ raw: RawAnswer, token: KhaltiToken, object: (AnswerFields, KhaltiToken) -> String) -> String {
        let text: String
        if (300..<400).contains(raw.status) {
            text = "redirect (not followed)"
        } else if let json = JSONValue.parse(raw.body), case .object = json {
            let fields = AnswerFields(value: json)
            text = errorObject(fields, token: token) ?? object(fields, token)
        } else {
            switch WireReading.bodyKind(raw) {
            case .html: text = "HTML page"
            case .empty: text = "empty body"
            case .text: text = "text, not JSON"
            case .json: text = "JSON, but not an object"
            }
        }
        return cut(token.scrub(text), to: limit)
    }

    /// Why no answer came, in the words the program uses.
    static func noAnswer(_ error: KhaltiError) -> String {
        cut("no answer: \(error.clerkSentences(username: nil).reason)", to: limit)
    }

    /// `error object 002` (with `error` and `details` when sent), or nil when the
    /// object carries no error code.
    static func errorObject(_ fields: AnswerFields, token: KhaltiToken) -> String? {
        guard let code = fields.value["error_code"] else { return nil }
        var text = "error object \(quote(code, token: token, limit: 12))"
        if let error = fields.value["error"] { text += ", error \(quote(error, token: token))" }
        if let details = fields.value["details"] ?? fields.value["detail"] { text += ", details \(words(details, token: token))" }
        return text
    }

    // MARK: Per call

    static func balance(_ fields: AnswerFields, token _: KhaltiToken) -> String {
        fieldList(fields, first: ["credits_available", "credits_consumed"])
    }

    static func details(_ fields: AnswerFields, token _: KhaltiToken) -> String {
        fieldList(fields, first: ["full_name", "current_plan", "days_remaining", "has_due", "accept_advance_payment", "plan_details"])
    }

    static func lookup(_ fields: AnswerFields, token: KhaltiToken) -> String {
        "lookup object: " + entry(fields, token: token)
    }

    static func bulkLookup(_ fields: AnswerFields, token: KhaltiToken) -> String {
        guard case .array(let entries)? = fields.value["detail"] else { return "JSON object without a detail list" }
        let described = entries.map { entry in
            let fields = AnswerFields(value: entry)
            if case .object = entry { return errorObject(fields, token: token) ?? self.entry(fields, token: token) }
            return "not an object"
        }
        let noun = described.count == 1 ? "entry" : "entries"
        if Set(described).count == 1, let only = described.first {
            return described.count == 1 ? "bulk, 1 entry: \(only)" : "bulk, \(described.count) \(noun), each: \(only)"
        }
        return "bulk, \(described.count) \(noun): " + described.joined(separator: "; ")
    }

    static func payment(_ fields: AnswerFields, token: KhaltiToken) -> String {
        var parts = [statusPart(fields), fields.value["state"].map { "state \(quote($0, token: token))" } ?? "no state"].compactMap { $0 }
        if let id = fields.value["id"] ?? fields.value["response_id"] { parts.append("id \(quote(id, token: token))") }
        if let message = fields.value["message"] { parts.append("message \(words(message, token: token))") }
        return parts.joined(separator: ", ")
    }

    /// One lookup answer or bulk entry: the fields the reading turns on.
    static func entry(_ fields: AnswerFields, token: KhaltiToken) -> String {
        var parts = [statusPart(fields), fields.value["state"].map { "state \(quote($0, token: token))" } ?? "no state"].compactMap { $0 }
        for key in ["original_status", "response_id", "amount", "refunded", "refunded_amount"] {
            if let value = fields.value[key] { parts.append("\(key) \(quote(value, token: token))") }
        }
        if case .array(let refunds)? = fields.value["refunds"] { parts.append("refunds (list of \(refunds.count))") }
        if let details = fields.value["details"] ?? fields.value["detail"] { parts.append("details \(words(details, token: token))") }
        return parts.joined(separator: ", ")
    }

    /// `status false` is worth saying (it marks error objects and failed payments);
    /// `status true` is the rule.
    static func statusPart(_ fields: AnswerFields) -> String? {
        fields.value["status"] == .bool(false) ? "status false" : nil
    }

    /// `JSON object: credits_available (number, 9 decimals), credits_consumed (number)`:
    /// the fields a reader needs, in that order (`missing` when absent), then a count of the rest.
    static func fieldList(_ fields: AnswerFields, first keys: [String]) -> String {
        guard case .object(let all) = fields.value else { return "JSON, but not an object" }
        var parts = keys.map { key in all[key].map { "\(key) (\(kind($0)))" } ?? "\(key) missing" }
        let others = all.keys.filter { !keys.contains($0) }.count
        if others > 0 { parts.append("\(others) other field\(others == 1 ? "" : "s")") }
        return "JSON object: " + parts.joined(separator: ", ")
    }

    /// A value's JSON type; a number with its decimals, since Khalti's amounts come with float noise.
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .string: return "text"
        case .bool: return "true/false"
        case .null: return "null"
        case .array(let items): return "list of \(items.count)"
        case .object: return "object"
        case .number:
            let digits = value.text ?? ""
            let decimals = digits.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
            return decimals == 0 ? "number" : "number, \(decimals) decimal\(decimals == 1 ? "" : "s")"
        }
    }

    /// A server value as shown (free text goes in quotes: `words`); scrubbed of the
    /// token before it is cut (a cut token would no longer match), made safe.
    static func quote(_ value: JSONValue, token: KhaltiToken, limit: Int = valueLimit) -> String {
        let raw: String
        switch value {
        case .string(let text): raw = text
        case .array(let items): raw = "list of \(items.count)"
        case .object: raw = WireReading.flatText(value)
        default: raw = value.text ?? "null"
        }
        return cut(OutsideText.line(token.scrub(raw)), to: limit)
    }

    /// Free text (a message, details) in quotes, so it reads apart from the description.
    static func words(_ value: JSONValue, token: KhaltiToken) -> String {
        "\"\(quote(value, token: token))\""
    }

    static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
