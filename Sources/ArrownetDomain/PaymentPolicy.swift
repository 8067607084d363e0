/// What Khalti's answer to a payment request was, reduced to what decides the money.
public enum PaymentAnswer: Hashable, Sendable {
    /// A JSON answer was read: its HTTP status, `state` and `error_code` as sent. An
    /// answer with an error code is an error object, whose `state` says nothing about
    /// the money; `status: false` alone is how a failed payment is answered.
    case answered(httpStatus: Int, state: String?, errorCode: String?)
    /// An answer came but could not be read (not JSON, an HTML page, fields missing).
    case unreadable(httpStatus: Int)
    /// Nothing usable came back after the request may have left: timeout, dropped
    /// connection, a reset mid-answer.
    case noAnswer
    /// The request provably never left: the connection could not be opened.
    case notSent
}

/// What `state` says about the money. Decided by `state`, never by `status`.
public enum StateMeaning: Hashable, Sendable {
    case paid
    case pending
    case failed
    case unknown

    /// "Status Error" is deliberately `unknown`: the protocol note lists it with the
    /// failures, but it says Khalti could not tell the transaction's status, and
    /// refunding a customer whose payment then succeeds loses the counter that money.
    /// Holding it costs only a lookup.
    public init(state: String?) {
        switch state?.trimmingWhitespace().lowercased() {
        case "success": self = .paid
        case "queued", "processing": self = .pending
        case "error", "failed", "expired": self = .failed
        default: self = .unknown
        }
    }
}

/// Why a payment is held rather than decided.
public enum HoldReason: Hashable, Sendable {
    case pending(state: String)
    case unknownState(String?)
    case rejectedMaybeApplied(httpStatus: Int, errorCode: String?)
    case serverError(httpStatus: Int)
    case unreadableAnswer(httpStatus: Int)
    case noAnswer
    case unexpectedStatus(httpStatus: Int)
    /// Khalti answered with an error code that proves the request was refused, not
    /// applied (`KhaltiErrorCode.provesRefusal`): one lookup that finds nothing settles it.
    case refused(httpStatus: Int, code: KhaltiErrorCode)
}

/// Why a payment is known not to have gone through.
public enum NotPaidReason: Hashable, Sendable {
    case failed(state: String)
    case serviceNotFound
    case notSent
    case refunded
    /// Khalti refused the payment with an answer, and a lookup found no payment with its
    /// reference: nothing can land later.
    case refusedByKhalti
}

public enum PaymentVerdict: Hashable, Sendable {
    case paid
    /// Not decided: keep the cash aside and look the reference up, no sooner than the delay.
    case held(HoldReason, lookUpAfterSeconds: Int)
    /// Not paid: give the customer their money back.
    case notPaid(NotPaidReason)
}

/// The protocol note's two policy tables, as code.
public enum PaymentPolicy {
    /// Khalti asks clients to wait at least five minutes before looking up a payment
    /// whose answer was lost or was a server error.
    public static let lookupDelayAfterSilenceSeconds = 5 * 60

    public static func verdict(for answer: PaymentAnswer) -> PaymentVerdict {
        switch answer {
        case .notSent:
            return .notPaid(.notSent)
        case .noAnswer:
            return .held(.noAnswer, lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
        case .unreadable(let status):
            if status == 404 { return .notPaid(.serviceNotFound) }
            let delay = status == 400 ? 0 : lookupDelayAfterSilenceSeconds
            return .held(.unreadableAnswer(httpStatus: status), lookUpAfterSeconds: delay)
        case .answered(let status, _, let errorCode?):
            // An error object: its state says nothing about the payment.
            if status == 404 { return .notPaid(.serviceNotFound) }
            // Khalti's rule for an answer of 500 or more is hold, then look up after five
            // minutes, whatever code it carries: a server failing while it answers may
            // have applied the payment, so even "maintenance" is not proof of a refusal.
            if status >= 500 {
                return .held(.rejectedMaybeApplied(httpStatus: status, errorCode: errorCode), lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
            }
            if let code = KhaltiErrorCode(code: errorCode), code.provesRefusal {
                return .held(.refused(httpStatus: status, code: code), lookUpAfterSeconds: 0)
            }
            // Khalti failed on its side, or sent a code the protocol does not list: it may
            // have gone through. At once after a 400, as the protocol asks; else after the delay.
            return .held(.rejectedMaybeApplied(httpStatus: status, errorCode: errorCode), lookUpAfterSeconds: status == 400 ? 0 : lookupDelayAfterSilenceSeconds)
        case .answered(let status, let state, let errorCode):
            switch status {
            case 200:
                return verdict(forState: state)
            case 400:
                // It may or may not have gone through: look it up at once.
                return .held(.rejectedMaybeApplied(httpStatus: status, errorCode: errorCode), lookUpAfterSeconds: 0)
            case 404:
                return .notPaid(.serviceNotFound)
            case 500...599:
                return .held(.serverError(httpStatus: status), lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
            default:
                return .held(.unexpectedStatus(httpStatus: status), lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
            }
        }
    }

    static func verdict(forState state: String?) -> PaymentVerdict {
        switch StateMeaning(state: state) {
        case .paid: .paid
        case .pending: .held(.pending(state: state ?? ""), lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
        case .failed: .notPaid(.failed(state: state ?? ""))
        case .unknown: .held(.unknownState(state), lookUpAfterSeconds: lookupDelayAfterSilenceSeconds)
        }
    }
}
