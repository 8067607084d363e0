/// An error answer in Khalti's shape, with the HTTP status the sandbox gives it.
///
/// HTTP statuses: client errors (1001-1016, 4000, 002) answer 400, a server error (1017)
/// 500, maintenance (1019) 503. The body is always JSON, so a client can read the code.
struct KhaltiError: Error, Sendable {
    let code: String
    let httpStatus: Int
    let message: String
    let error: String
    let details: String
    /// Per-field messages, for validation errors (1010).
    let fieldErrors: [(field: String, messages: [String])]
    /// Set on an unknown reference inside a bulk lookup, so the caller knows which one.
    var reference: String?

    init(
        code: String, httpStatus: Int = 400, message: String, error: String, details: String,
        fieldErrors: [(field: String, messages: [String])] = [], reference: String? = nil
    ) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
        self.error = error
        self.details = details
        self.fieldErrors = fieldErrors
        self.reference = reference
    }

    /// Key order follows the seed's 4000 example.
    var json: WireJSON {
        var members: [WireJSON.Member] = [
            .init(key: "status", value: .bool(false)),
            .init(key: "message", value: .string(message)),
            .init(key: "state", value: .string("Error")),
            .init(key: "error", value: .string(error)),
            .init(key: "details", value: .string(details)),
            .init(key: "error_data", value: .object(fieldErrors.map {
                WireJSON.Member(key: $0.field, value: .array($0.messages.map(WireJSON.string)))
            })),
            .init(key: "error_code", value: .string(code)),
        ]
        if let reference {
            members.append(.init(key: "reference", value: .string(reference)))
        }
        return .object(members)
    }

    // MARK: The errors the sandbox gives

    static let tokenMissing = KhaltiError(
        code: "1001", message: "Token not provided", error: "token_not_provided",
        details: "Send your service token in the token field.")
    static let tokenInvalid = KhaltiError(
        code: "1002", message: "Invalid token", error: "invalid_token",
        details: "The token is not valid for this service.")
    static let referenceMissing = KhaltiError(
        code: "1012", message: "Reference not provided", error: "reference_not_provided",
        details: "A unique reference is required.")
    static let duplicateReference = KhaltiError(
        code: "1013", message: "Duplicate reference", error: "duplicate_reference",
        details: "A transaction with this reference already exists.")
    static let bodyNotJSON = KhaltiError(
        code: "1014", message: "Parse error", error: "parse_error",
        details: "The request body must be a JSON object.")
    static let bodyTooLarge = KhaltiError(
        code: "1015", message: "Parse error", error: "parse_error",
        details: "The request body is too large.")
    static let serverError = KhaltiError(
        code: "1017", httpStatus: 500, message: "Server error", error: "server_error",
        details: "Something went wrong on our side. Look the reference up before trying again.")
    static let maintenance = KhaltiError(
        code: "1019", httpStatus: 503, message: "Service under maintenance", error: "maintenance",
        details: "This service is under maintenance. Please try again later.")
    /// The seed's example, word for word.
    static let usernameNotFound = KhaltiError(
        code: "4000", message: "Can't fulfill request", error: "client_error", details: "Username not found")
    /// As Khalti's pages show it for a bill paid already.
    static let alreadyPaid = KhaltiError(
        code: "4000", message: "Can't fulfill request", error: "client_error",
        details: "Payment seems to have already been Made!")
    static let advancePaymentNotAccepted = KhaltiError(
        code: "4000", message: "Can't fulfill request", error: "client_error",
        details: "Advance payment is not accepted for this customer")

    /// Any code as an answered refusal (the `refusal` fault), with the protocol's words
    /// for the codes the sandbox knows and a plain sentence for the rest.
    static func refusal(code: String, status: Int) -> KhaltiError {
        let known = [maintenance, tokenInvalid, tokenMissing, duplicateReference, serverError, usernameNotFound].first { $0.code == code }
        return KhaltiError(
            code: code, httpStatus: status, message: known?.message ?? "Request refused", error: known?.error ?? "refused",
            details: known?.details ?? "The request was refused (\(code)).")
    }

    static func insufficientCredits(available: String) -> KhaltiError {
        KhaltiError(
            code: "1016", message: "Insufficient credits", error: "insufficient_credits",
            details: "Your balance of Rs. \(available) is not enough for this payment.")
    }

    static func validation(_ fieldErrors: [(field: String, messages: [String])]) -> KhaltiError {
        KhaltiError(
            code: "1010", message: "Validation error", error: "validation_error",
            details: "Some fields are invalid; see error_data.", fieldErrors: fieldErrors)
    }

    /// The status lookup's answer for a reference Khalti never saw.
    static func invalidReference(_ reference: String?) -> KhaltiError {
        KhaltiError(
            code: "002", message: "Invalid reference", error: "invalid_reference",
            details: "No transaction has this reference.", reference: reference)
    }
}
