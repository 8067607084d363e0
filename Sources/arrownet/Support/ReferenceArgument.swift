import ArrownetDomain
import Foundation

/// A payment reference typed by a person: `ARN` and a ULID (26 characters of Crockford's
/// base 32), in any case, read as upper case. Checked before anything is asked of Khalti
/// or the journal, so `status garbage` is refused instead of being sent, and a reference
/// copied in lower case finds its payment.
enum ReferenceArgument {
    static let prefix = "ARN"
    static let ulidLength = 26
    /// Crockford's base 32: digits and letters but I, L, O and U.
    static let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let example = "ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"

    static func parse(_ typed: String) throws(CommandFailure) -> PaymentReference {
        let text = typed.trimmingCharacters(in: .whitespaces).uppercased()
        let shown = String(typed.prefix(40))
        guard text.hasPrefix(prefix) else {
            throw refusal("\(shown) is not a payment reference: references begin with ARN.")
        }
        let ulid = text.dropFirst(prefix.count)
        guard ulid.count == ulidLength else {
            throw refusal("\(shown) is not a payment reference: after ARN come 26 letters and digits, not \(ulid.count).")
        }
        if let wrong = ulid.first(where: { !alphabet.contains($0) }) {
            let hint = ["I": " (a 1?)", "L": " (a 1?)", "O": " (a 0?)"][String(wrong)] ?? ""
            throw refusal("\(shown) is not a payment reference: \"\(wrong)\"\(hint) is never used in one.")
        }
        // The first character carries the top bits of a 48-bit time: 0 to 7.
        guard let first = ulid.first, "01234567".contains(first) else {
            throw refusal("\(shown) is not a payment reference: the character after ARN is 0 to 7.")
        }
        do {
            return try PaymentReference(text)
        } catch {
            throw refusal("\(shown) is not a payment reference: \(error.description).")
        }
    }

    private static func refusal(_ sentence: String) -> CommandFailure {
        fail("\(sentence) A reference looks like \(example) (upper or lower case).", code: ExitCodes.usage)
    }
}
