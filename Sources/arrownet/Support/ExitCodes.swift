import ArgumentParser
import ArrownetDomain

/// Exit codes scripts can rely on (README "Exit codes").
enum ExitCodes {
    static let found: Int32 = 0
    static let notFound: Int32 = 3
    static let tokenOrAccount: Int32 = 4
    static let unavailable: Int32 = 5
    /// A request Khalti refused for another reason (validation, low balance).
    static let refused: Int32 = 8
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

/// Prints a sentence to standard error and leaves with the given code.
func fail(_ message: String, code: Int32) -> ExitCode {
    Terminal.standardError.write(message + "\n")
    return ExitCode(code)
}
