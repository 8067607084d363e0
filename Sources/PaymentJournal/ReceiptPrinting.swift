import Foundation

/// One printing of a paid payment's receipt (printed, sent to a print command, or saved
/// as a file), kept so that the next one is recognised as a reprint and marked REPRINT.
public struct ReceiptPrinting: Sendable, Hashable {
    public let at: Date
    /// Whether this printing was marked REPRINT.
    public let isReprint: Bool
    /// The new expiry the receipt showed, so that a reprint shows the same (nil: "ask Arrownet").
    public let newExpiry: Date?
    /// Where it went, in the printer's words ("saved as /path", "sent to the printer (host:9100)").
    public let destination: String

    public init(at: Date, isReprint: Bool, newExpiry: Date?, destination: String) {
        self.at = at
        self.isReprint = isReprint
        self.newExpiry = newExpiry
        self.destination = destination
    }
}
