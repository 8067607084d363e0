/// A misbehaviour the sandbox puts on when asked, so the console's handling of a broken
/// network or a broken Khalti can be tried on purpose.
///
/// JSON form (admin endpoint, CLI flags), snake_case:
/// `{"call": "commit", "username": "queuedok", "times": 1, "effect": "drop_connection"}`;
/// `effect` is one of `latency` (+ `milliseconds`), `http_error` (+ `status`, 500-599),
/// `non_json`, `drop_before`, `drop_connection`, `answer_late` (+ `milliseconds`),
/// `maintenance`, `error_entries` (+ `error_code`), `wrong_amount`, `already_paid`,
/// `refusal` (+ `error_code`, `status` 400-599, default 400).
public struct FaultRule: Sendable, Equatable, Codable {
    /// The Khalti calls a rule can target.
    public enum Call: String, Sendable, Codable, CaseIterable {
        case details, commit, status
        case bulkStatus = "bulk_status"
        case balance
    }

    public enum Effect: Sendable, Equatable {
        /// Waits this long before handling the call, then answers normally.
        case latency(milliseconds: Int)
        /// Answers this 5xx status with an HTML page, as a proxy in front of Khalti would.
        /// The call is not handled (nothing is paid).
        case httpError(status: Int)
        /// Answers HTTP 200 with a body that is not JSON. The call is not handled.
        case nonJSONBody
        /// Handles the call (a commit is paid), then closes the connection without
        /// sending one byte of answer.
        case dropConnection
        /// Handles the call (a commit is paid), then waits this long before answering,
        /// meant to be longer than the client is willing to wait.
        case answerLate(milliseconds: Int)
        /// Answers 1019 with HTTP 503. The call is not handled.
        case maintenance
        /// Closes the connection without handling the call or answering (nothing is paid).
        case dropBeforeHandling
        /// Lookups only: each reference is answered with an error object instead of its
        /// status (`status: false`, this code, `state: "Error"`), HTTP 200 in a bulk answer
        /// and 500 alone. The lookup is not handled (not counted towards settling).
        case errorEntries(code: String)
        /// Lookups only: handled, but every amount reported is one rupee more than recorded.
        case wrongAmount
        /// Commit only: answers 4000 with the words Khalti's pages show when the bill was
        /// paid already ("Payment seems to have already been Made!"). Nothing is paid.
        case alreadyPaid
        /// Commit only: answers this error code with this HTTP status (400 by default)
        /// without handling the call: an answered refusal, nothing paid.
        case refusal(code: String, status: Int)
    }

    /// The call the rule applies to; `nil` for every call.
    public var call: Call?
    /// Only requests for this username (details and commit carry one); `nil` for any.
    /// A rule with a username never matches the status, bulk status or balance calls.
    public var username: String?
    /// How many times the rule fires before it goes quiet; `nil` for every time.
    public var times: Int?
    public var effect: Effect

    public init(call: Call? = nil, username: String? = nil, times: Int? = nil, effect: Effect) {
        self.call = call
        self.username = username
        self.times = times
        self.effect = effect
    }

    // MARK: Codable (flat JSON form)

    enum CodingKeys: String, CodingKey {
        case call, username, times, effect, milliseconds, status
        case errorCode = "error_code"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        call = try container.decodeIfPresent(Call.self, forKey: .call)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        times = try container.decodeIfPresent(Int.self, forKey: .times)
        if let times, times < 1 {
            throw DecodingError.dataCorruptedError(forKey: .times, in: container, debugDescription: "times must be at least 1")
        }
        let name = try container.decode(String.self, forKey: .effect)
        func milliseconds() throws -> Int {
            let value = try container.decode(Int.self, forKey: .milliseconds)
            guard (0...600_000).contains(value) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .milliseconds, in: container, debugDescription: "milliseconds must be 0 to 600000")
            }
            return value
        }
        switch name {
        case "latency": effect = .latency(milliseconds: try milliseconds())
        case "http_error":
            let status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 500
            guard (500...599).contains(status) else {
                throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "status must be 500 to 599")
            }
            effect = .httpError(status: status)
        case "non_json": effect = .nonJSONBody
        case "drop_connection": effect = .dropConnection
        case "answer_late": effect = .answerLate(milliseconds: try milliseconds())
        case "maintenance": effect = .maintenance
        case "drop_before": effect = .dropBeforeHandling
        case "error_entries": effect = .errorEntries(code: try container.decodeIfPresent(String.self, forKey: .errorCode) ?? "1017")
        case "wrong_amount": effect = .wrongAmount
        case "already_paid": effect = .alreadyPaid
        case "refusal":
            let status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 400
            guard (400...599).contains(status) else {
                throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "status must be 400 to 599")
            }
            effect = .refusal(code: try container.decodeIfPresent(String.self, forKey: .errorCode) ?? "1019", status: status)
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .effect, in: container,
                debugDescription: "effect must be latency, http_error, non_json, drop_before, drop_connection, answer_late, "
                    + "maintenance, error_entries, wrong_amount, already_paid or refusal")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(call, forKey: .call)
        try container.encodeIfPresent(username, forKey: .username)
        try container.encodeIfPresent(times, forKey: .times)
        switch effect {
        case .latency(let milliseconds):
            try container.encode("latency", forKey: .effect)
            try container.encode(milliseconds, forKey: .milliseconds)
        case .httpError(let status):
            try container.encode("http_error", forKey: .effect)
            try container.encode(status, forKey: .status)
        case .nonJSONBody: try container.encode("non_json", forKey: .effect)
        case .dropConnection: try container.encode("drop_connection", forKey: .effect)
        case .answerLate(let milliseconds):
            try container.encode("answer_late", forKey: .effect)
            try container.encode(milliseconds, forKey: .milliseconds)
        case .maintenance: try container.encode("maintenance", forKey: .effect)
        case .dropBeforeHandling: try container.encode("drop_before", forKey: .effect)
        case .errorEntries(let code):
            try container.encode("error_entries", forKey: .effect)
            try container.encode(code, forKey: .errorCode)
        case .wrongAmount: try container.encode("wrong_amount", forKey: .effect)
        case .alreadyPaid: try container.encode("already_paid", forKey: .effect)
        case .refusal(let code, let status):
            try container.encode("refusal", forKey: .effect)
            try container.encode(code, forKey: .errorCode)
            try container.encode(status, forKey: .status)
        }
    }
}

/// A rule in force and how often it has fired.
public struct FaultStatus: Sendable, Equatable, Encodable {
    public let id: Int
    public let rule: FaultRule
    public let fired: Int

    /// True once a rule limited by `times` has used them all.
    public var isSpent: Bool { rule.times.map { fired >= $0 } ?? false }

    enum CodingKeys: String, CodingKey { case id, rule, fired, spent }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(rule, forKey: .rule)
        try container.encode(fired, forKey: .fired)
        try container.encode(isSpent, forKey: .spent)
    }
}
