/// Why a payment changed state, as the event log keeps it.
///
/// Only these fields reach the journal: an HTTP status, an error code, Khalti's own
/// words (already scrubbed of the token by the client) and our note. There is no
/// field for a request, so a token cannot be written by mistake.
public struct PaymentEvidence: Sendable, Hashable {
    /// Server text is kept for support, up to this many characters.
    public static let maximumTextLength = 500

    /// What happened, in our words ("Khalti answered Success", "no answer within 60 s").
    public let note: String
    public let httpStatus: Int?
    public let errorCode: String?
    /// Khalti's message or details, token removed by the caller.
    public let khaltiText: String?

    public init(note: String, httpStatus: Int? = nil, errorCode: String? = nil, khaltiText: String? = nil) {
        self.note = Self.capped(note)
        self.httpStatus = httpStatus
        self.errorCode = errorCode.map { String($0.prefix(40)) }
        self.khaltiText = khaltiText.map(Self.capped).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func capped(_ text: String) -> String {
        text.count > maximumTextLength ? String(text.prefix(maximumTextLength)) + "…" : text
    }
}
