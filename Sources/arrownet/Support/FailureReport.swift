import ArgumentParser
import Foundation

/// How a command that failed leaves: its sentence on standard error, once, and, when it
/// was asked for JSON (`--json`), one JSON error object on standard output as well, so a
/// script reading standard output always gets an answer:
/// `{"outcome": "not_found", "error": "No Arrownet customer ...", "exit_code": 3}`
/// (`pay` adds `"reason"`, the same sentence, and `"payment": null`, as its other answers have).
enum FailureReport {
    static func exit(with error: any Error, arguments: [String]) -> Never {
        let json = arguments.contains("--json")
        switch error {
        case let failure as CommandFailure:
            Terminal.standardError.write(failure.message + "\n")
            if json { Terminal.standardOutput.write(object(failure.message, code: failure.code, arguments: arguments) + "\n") }
            Arrownet.exit(withError: ExitCode(failure.code))
        case is ExitCode:
            // The command has said everything already (`status` of an unknown reference).
            Arrownet.exit(withError: error)
        default:
            let code = Arrownet.exitCode(for: error).rawValue
            if json && code != 0 {
                // The parser's words (a bad option; it leaves with 64, EX_USAGE): the usage
                // goes to standard error as usual.
                let message = Arrownet.message(for: error)
                Terminal.standardOutput.write(object(message, code: code, arguments: arguments) + "\n")
            }
            Arrownet.exit(withError: error)
        }
    }

    static func object(_ message: String, code: Int32, arguments: [String]) -> String {
        var object: [String: Any] = ["outcome": outcome(for: code), "error": message, "exit_code": Int(code)]
        if arguments.first == "pay" {
            object["reason"] = message
            object["payment"] = NSNull()
        }
        return PaymentReport.json(object)
    }

    /// One word per exit code, the same for every command (README "Exit codes").
    static func outcome(for code: Int32) -> String {
        switch code {
        case ExitCodes.found: "ok"
        case ExitCodes.notFound: "not_found"
        case ExitCodes.tokenOrAccount: "token_or_account"
        case ExitCodes.unavailable: "unavailable"
        case ExitCodes.held: "held"
        case ExitCodes.notPaid: "not_paid"
        case ExitCodes.refused: "refused"
        case ExitCodes.openPayment: "open_payment"
        case ExitCodes.notConfirmed: "not_confirmed"
        case ExitCodes.journal: "journal_unusable"
        case ExitCodes.noOpenShift: "no_open_shift"
        case ExitCodes.shiftAlreadyOpen: "shift_already_open"
        case ExitCodes.paymentOnItsWay: "payment_on_its_way"
        case ExitCodes.usage: "usage"
        default: "error"
        }
    }
}
