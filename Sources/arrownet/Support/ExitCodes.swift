import ArgumentParser
import ArrownetDomain

/// Exit codes scripts can rely on (README "Exit codes").
enum ExitCodes {
    static let found: Int32 = 0
    static let notFound: Int32 = 3
    static let tokenOrAccount: Int32 = 4
    /// Khalti could not be reached or answered badly; for `receipt`, the printer.
    static let unavailable: Int32 = 5
    /// `pay`: held, keep the cash aside; it will be looked up (`reconcile`).
    static let held: Int32 = 6
    /// `pay`: not paid, give the customer their money back.
    static let notPaid: Int32 = 7
    /// A request Khalti refused for another reason (validation, low balance), or a
    /// payment the desk refused before sending (plan not offered, no advance payment);
    /// `resolve` and `receipt`: the payment is not in a state that allows it.
    static let refused: Int32 = 8
    /// `pay`: the customer has an unresolved payment; no new one was started.
    static let openPayment: Int32 = 9
    /// `pay`: the clerk did not confirm (or a paid-today payment lacked `--again`);
    /// `receipt`: printed before, and `--reprint` was not given.
    static let notConfirmed: Int32 = 10
    /// The data folder or the payment journal cannot be used; nothing was sent.
    static let journal: Int32 = 11
    /// The counter has no open shift (to pay, move cash, or close); nothing changed.
    static let noOpenShift: Int32 = 12
    /// `shift open`: the counter already has an open shift (shown); nothing changed.
    static let shiftAlreadyOpen: Int32 = 13
    /// `shift close`: a payment of the shift is still on its way; nothing changed.
    static let paymentOnItsWay: Int32 = 14
    /// `check`: some answer of the configured Khalti did not read as documented (the
    /// rows are named); do not take real money through it until every reading is.
    static let checkFailed: Int32 = 15
    static let usage: Int32 = 64

    static func code(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .notFound, .unknownReference: notFound
        case .tokenOrAccount: tokenOrAccount
        case .unavailable: unavailable
        case .requestRejected, .insufficientCredits: refused
        }
    }
}

/// A command that stops with a sentence for a person and an exit code. Thrown, not
/// printed where it happens: `ArrownetMain` writes the sentence to standard error once,
/// and, for commands that answer in JSON, a JSON error object on standard output too.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    var description: String { message }
}

/// The failure to throw: `throw fail("Sentence.", code: ExitCodes.usage)`.
func fail(_ message: String, code: Int32) -> CommandFailure {
    CommandFailure(message: message, code: code)
}
