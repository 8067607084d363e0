/// Every error code of Khalti's Services API, each with what it means at the counter.
public enum KhaltiErrorCode: Hashable, Sendable, CaseIterable {
    case tokenNotProvided          // 1001
    case invalidToken              // 1002
    case deletedToken              // 1003
    case inactiveToken             // 1004
    case accountDeleted            // 1005
    case accountInactive           // 1006
    case accountExpired            // 1007
    case serviceNotEnabled         // 1008
    case permissionDenied          // 1009
    case validationError           // 1010
    case validationErrorAlternate  // 1011
    case referenceNotProvided      // 1012
    case duplicateReference        // 1013
    case parseError                // 1014
    case parseErrorAlternate       // 1015
    case insufficientCredits       // 1016
    case serverError               // 1017
    case serviceError              // 1018
    case maintenance               // 1019
    case amountUnavailable         // 1020
    case providerError             // 1021
    case clientError               // 4000
    case invalidReference          // 002 (status lookup)

    public static let allCases: [KhaltiErrorCode] = [
        .tokenNotProvided, .invalidToken, .deletedToken, .inactiveToken, .accountDeleted,
        .accountInactive, .accountExpired, .serviceNotEnabled, .permissionDenied, .validationError,
        .validationErrorAlternate, .referenceNotProvided, .duplicateReference, .parseError,
        .parseErrorAlternate, .insufficientCredits, .serverError, .serviceError, .maintenance,
        .amountUnavailable, .providerError, .clientError, .invalidReference,
    ]

    public var code: String {
        switch self {
        case .tokenNotProvided: "1001"
        case .invalidToken: "1002"
        case .deletedToken: "1003"
        case .inactiveToken: "1004"
        case .accountDeleted: "1005"
        case .accountInactive: "1006"
        case .accountExpired: "1007"
        case .serviceNotEnabled: "1008"
        case .permissionDenied: "1009"
        case .validationError: "1010"
        case .validationErrorAlternate: "1011"
        case .referenceNotProvided: "1012"
        case .duplicateReference: "1013"
        case .parseError: "1014"
        case .parseErrorAlternate: "1015"
        case .insufficientCredits: "1016"
        case .serverError: "1017"
        case .serviceError: "1018"
        case .maintenance: "1019"
        case .amountUnavailable: "1020"
        case .providerError: "1021"
        case .clientError: "4000"
        case .invalidReference: "002"
        }
    }

    /// Reads the wire's `error_code`; nil for a code the protocol does not list.
    public init?(code: String) {
        let trimmed = code.trimmingWhitespace()
        guard let match = Self.allCases.first(where: { $0.code == trimmed }) else { return nil }
        self = match
    }

    public var kind: ErrorKind {
        switch self {
        case .tokenNotProvided, .invalidToken, .deletedToken, .inactiveToken, .accountDeleted,
             .accountInactive, .accountExpired, .serviceNotEnabled, .permissionDenied:
            .tokenOrAccount
        case .validationError, .validationErrorAlternate, .referenceNotProvided, .parseError,
             .parseErrorAlternate, .duplicateReference:
            .requestRejected
        case .insufficientCredits:
            .insufficientCredits
        case .serverError, .serviceError, .maintenance, .amountUnavailable, .providerError:
            .unavailable
        case .clientError:
            .notFound
        case .invalidReference:
            .unknownReference
        }
    }

    /// What happened, in words a clerk understands.
    public var meaning: String {
        switch self {
        case .tokenNotProvided: "No Khalti token was sent."
        case .invalidToken: "Khalti does not accept this counter's token."
        case .deletedToken: "This counter's Khalti token was deleted."
        case .inactiveToken: "This counter's Khalti token is inactive."
        case .accountDeleted: "The Khalti account of this counter was deleted."
        case .accountInactive: "The Khalti account of this counter is inactive."
        case .accountExpired: "The Khalti account of this counter has expired."
        case .serviceNotEnabled: "Arrownet payments are not enabled for this counter's Khalti account."
        case .permissionDenied: "This counter's Khalti account lacks permission for Arrownet payments."
        case .validationError, .validationErrorAlternate: "Khalti refused the request as invalid."
        case .referenceNotProvided: "Khalti received no payment reference."
        case .duplicateReference: "Khalti already has a payment with this reference."
        case .parseError, .parseErrorAlternate: "Khalti could not read the request."
        case .insufficientCredits: "Khalti balance too low for this payment."
        case .serverError: "Khalti had a server error."
        case .serviceError: "Khalti had an error while using the Arrownet service."
        case .maintenance: "Khalti's Arrownet service is in maintenance."
        case .amountUnavailable: "Khalti could not get a rate for this amount."
        case .providerError: "Arrownet (the provider) answered with an error."
        case .clientError: "Khalti could not fulfil the request."
        case .invalidReference: "Khalti has no payment with this reference."
        }
    }

    /// What the clerk does next.
    public var nextStep: String {
        if self == .serviceNotEnabled { return "Retrying will not fix this: call Khalti to enable Arrownet payments for this account." }
        return switch kind {
        case .tokenOrAccount:
            "Retrying will not fix this: ask the supervisor to check the counter's Khalti token and account."
        case .requestRejected:
            "Report this to support with the reference; do not take the cash again for it."
        case .insufficientCredits:
            "Ask the supervisor to top up the counter's Khalti balance, then try again."
        case .unavailable:
            "Try again in a few minutes."
        case .notFound:
            "Check the username with the customer."
        case .unknownReference:
            "Look it up again later: a late request can still arrive."
        }
    }
}

extension KhaltiErrorCode {
    /// Whether an answer with this code to a payment proves that Khalti refused it before
    /// applying anything: the token or account, validation, a missing reference, a request
    /// it could not read, too little balance, maintenance, no rate for the amount, an
    /// unknown customer. Not 1013 (a payment with this reference exists), nor 1017, 1018
    /// and 1021 (Khalti or the provider failed while handling it: it may have gone through).
    public var provesRefusal: Bool {
        switch self {
        case .tokenNotProvided, .invalidToken, .deletedToken, .inactiveToken, .accountDeleted, .accountInactive,
             .accountExpired, .serviceNotEnabled, .permissionDenied, .validationError, .validationErrorAlternate,
             .referenceNotProvided, .parseError, .parseErrorAlternate, .insufficientCredits, .maintenance,
             .amountUnavailable, .clientError:
            true
        case .duplicateReference, .serverError, .serviceError, .providerError, .invalidReference:
            false
        }
    }
}

/// Groups of error codes that call for the same action; they also decide exit codes.
public enum ErrorKind: Hashable, Sendable {
    case tokenOrAccount
    case requestRejected
    case insufficientCredits
    case unavailable
    case notFound
    case unknownReference
}
