import Foundation
import ArrownetDomain

/// An amount of cash the clerk typed (the opening float, the counted cash), read as
/// `arrownet shift` reads one: rupees, `5000`, `5,000.50`, `Rs. 1,00,000`.
enum TypedAmount {
    /// The amount, or a sentence saying what is wrong with `text` and what to type.
    static func read(_ text: String, what: String) -> Result<Money, FieldProblem> {
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .failure(FieldProblem("Type \(what) in rupees, e.g. 5000 or 5,000.50 (0 when there is none)."))
        }
        do {
            return .success(try Money(typed: text))
        } catch {
            let reason = error.description
            return .failure(FieldProblem(reason.prefix(1).uppercased() + reason.dropFirst() + ". Type rupees, e.g. 5000 or 5,000.50."))
        }
    }
}

/// Why a field's text cannot be used, as the clerk reads it.
struct FieldProblem: Error, Hashable {
    let sentence: String
    init(_ sentence: String) { self.sentence = sentence }
}
