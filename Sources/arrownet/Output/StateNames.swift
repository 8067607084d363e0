import ArrownetDomain
import Foundation

/// One spelling of each payment state for every command: the words people read in text
/// (`NOT SENT`), in lower case with `_` for machines and filters (`not_sent`). The
/// journal's own word, where it differs (`abandoned`), is accepted as an alias.
enum StateNames {
    /// `paid`, `not_paid`, `not_sent`...: JSON, CSV and `--state`.
    static func name(_ state: PaymentState) -> String {
        names[state] ?? state.rawValue
    }

    /// Worked out once: a history of thousands of rows names each state many times.
    private static let names: [PaymentState: String] = Dictionary(
        uniqueKeysWithValues: PaymentState.allCases.map { ($0, $0.label.lowercased().replacingOccurrences(of: " ", with: "_")) })

    /// A state as typed: its name, its label, or the journal's word, in any case, with
    /// `-` or a space for `_`.
    static func parse(_ typed: String) -> PaymentState? {
        let key = typed.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
        return PaymentState.allCases.first { name($0) == key || $0.rawValue == key }
    }

    /// The names, in the order of the lifecycle, for help texts and errors.
    static var all: String { PaymentState.allCases.map(name).joined(separator: ", ") }
}
