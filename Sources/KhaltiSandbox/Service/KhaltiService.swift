import ArrownetDomain
import Foundation
import Logging

/// Khalti's Services API for Arrownet, minus HTTP: parameters in, answer out.
/// Each call checks the token first, as Khalti does, then its own fields.
final class KhaltiService: Sendable {
    private let customers: CustomerDirectory
    let ledger: SandboxLedger
    let clock: SandboxClock
    private let settleQueuedAfterSeconds: Int
    private let shapes: AnswerShapes
    private let logger: Logger
    let secondAccount: SecondAccount?

    /// Khalti's limit on fields it does not otherwise describe, references included.
    static let maximumReferenceLength = 50
    /// A bulk lookup of more references than this is refused rather than served slowly.
    static let maximumBulkReferences = 100

    init(
        customers: [SandboxCustomer], ledger: SandboxLedger, clock: SandboxClock, settleQueuedAfterSeconds: Int,
        shapes: AnswerShapes = .published, logger: Logger, secondAccount: SecondAccount? = nil
    ) {
        self.secondAccount = secondAccount
        self.shapes = shapes
        self.customers = CustomerDirectory(customers)
        self.ledger = ledger
        self.clock = clock
        self.settleQueuedAfterSeconds = settleQueuedAfterSeconds
        self.logger = logger
    }

    func handle(_ call: FaultRule.Call, _ parameters: WireParameters) async -> WireAnswer {
        if let tokenError = checkToken(parameters) { return .failure(tokenError) }
        if let secondAccount, parameters.text("token") == secondAccount.token {
            switch call {
            case .status: secondAccount.askedAbout([parameters.text("reference") ?? ""])
            case .bulkStatus: secondAccount.askedAbout((parameters.text("references") ?? "").split(separator: ",").map(String.init))
            case .details, .commit, .balance: break
            }
        }
        do {
            return switch call {
            case .details: details(parameters)
            case .commit: try await commit(parameters)
            case .status: try await status(parameters, token: parameters.text("token"))
            case .bulkStatus: try await bulkStatus(parameters, token: parameters.text("token"))
            case .balance: .ok(KhaltiAnswers.balance(try await ledger.balance(now: clock.now()), shapes: shapes))
            }
        } catch {
            logger.error("ledger failed", metadata: ["call": "\(call.rawValue)", "error": "\(error)"])
            return .failure(.serverError)
        }
    }

    private func checkToken(_ parameters: WireParameters) -> KhaltiError? {
        guard let token = parameters.text("token") else { return .tokenMissing }
        return token == SandboxToken.value || token == secondAccount?.token ? nil : .tokenInvalid
    }

    /// The ledger's entries for these references that the caller's account made. Another
    /// account's references are not even asked of the ledger: a lookup there counts
    /// towards settling, and a lookup Khalti refuses must not.
    private func ownEntries(_ references: [String], token: String?) async throws -> [String: SandboxLedgerEntry] {
        let own = secondAccount.map { account in references.filter { account.sees($0, token: token) } } ?? references
        return own.isEmpty ? [:] : try await ledger.lookUp(own, now: clock.now())
    }

    // MARK: Details

    private func details(_ parameters: WireParameters) -> WireAnswer {
        guard let username = parameters.text("username") else {
            return .failure(.validation([("username", ["This field is required."])]))
        }
        guard let customer = customers.customer(named: username) else {
            logger.debug("details for unknown username", metadata: ["username": "\(username)"])
            return .failure(.usernameNotFound)
        }
        return .ok(KhaltiAnswers.details(customer.details))
    }

    // MARK: Commit

    private func commit(_ parameters: WireParameters) async throws -> WireAnswer {
        guard let reference = parameters.text("reference") else { return .failure(.referenceMissing) }
        guard reference.count <= Self.maximumReferenceLength else {
            return .failure(.validation([("reference", ["Ensure this field has no more than \(Self.maximumReferenceLength) characters."])]))
        }
        guard let username = parameters.text("username") else {
            return .failure(.validation([("username", ["This field is required."])]))
        }
        // A reference already used is refused before anything else about the payment is
        // judged: a client resending a payment must hear 1013, whatever else it changed.
        if try await ledger.containsReference(reference) { return .failure(.duplicateReference) }
        guard let customer = customers.customer(named: username) else { return .failure(.usernameNotFound) }

        let plan: SandboxPlan
        switch Self.chosenPlan(parameters, of: customer) {
        case .failure(let error): return .failure(error)
        case .success(let chosen): plan = chosen
        }
        // Arrownet takes money ahead of time only from customers it accepts advance payment
        // from; a customer with neither a due nor advance payment cannot be paid for.
        guard customer.details.acceptAdvancePayment || customer.details.hasDue else {
            return .failure(.advancePaymentNotAccepted)
        }

        let payment = NewPayment(
            reference: reference, username: customer.username, amount: plan.amount, duration: plan.duration,
            initialState: customer.initialPaymentState, settlesTo: customer.settledPaymentState,
            settleAfterLookups: customer.settleAfterLookups,
            settleAfterSeconds: customer.settleAfterSeconds ?? settleQueuedAfterSeconds)
        switch try await ledger.record(payment, now: clock.now()) {
        case .duplicateReference:
            return .failure(.duplicateReference)
        case .insufficientCredits(let available):
            return .failure(.insufficientCredits(available: available.wireString))
        case .recorded(let entry):
            if let secondAccount, parameters.text("token") == secondAccount.token { secondAccount.made(reference) }
            logger.info("payment recorded", metadata: [
                "reference": "\(reference)", "username": "\(customer.username)",
                "amount": "\(plan.amount.wireString)", "state": "\(entry.state.rawValue)",
            ])
            return .ok(KhaltiAnswers.commit(entry))
        }
    }

    /// The plan the commit asks for, if its duration is one of the customer's and its
    /// amount is that plan's price. Both fields are judged so one answer lists every problem.
    private static func chosenPlan(_ parameters: WireParameters, of customer: SandboxCustomer) -> Result<SandboxPlan, KhaltiError> {
        let plans = customer.details.planDetails
        var fieldErrors: [(field: String, messages: [String])] = []

        var plan: SandboxPlan?
        if let durationText = parameters.text("duration") {
            let offered = plans.map { String($0.duration) }.joined(separator: ", ")
            if let duration = Int(durationText.trimmingCharacters(in: .whitespaces)) {
                plan = plans.first { $0.duration == duration }
                if plan == nil {
                    fieldErrors.append(("duration", ["\(duration) is not a plan of this customer; choose one of \(offered)."]))
                }
            } else {
                fieldErrors.append(("duration", ["A whole number of months is required; choose one of \(offered)."]))
            }
        } else {
            fieldErrors.append(("duration", [parameters.isPresent("duration") ? "A whole number of months is required." : "This field is required."]))
        }

        if let amountText = parameters.text("amount") {
            do {
                let amount = try Money(wire: amountText)
                if let chosen = plan, amount != chosen.amount {
                    fieldErrors.append(("amount", ["The amount for \(chosen.duration) months is \(chosen.amount.wireString), not \(amount.wireString)."]))
                }
            } catch {
                fieldErrors.append(("amount", ["A valid amount is required, like 1695.00: \(error.description)."]))
            }
        } else {
            fieldErrors.append(("amount", [parameters.isPresent("amount") ? "A valid amount is required, like 1695.00." : "This field is required."]))
        }

        if let plan, fieldErrors.isEmpty { return .success(plan) }
        return .failure(.validation(fieldErrors))
    }

    // MARK: Status lookups

    private func status(_ parameters: WireParameters, token: String?) async throws -> WireAnswer {
        guard let reference = parameters.text("reference") else { return .failure(.referenceMissing) }
        let found = try await ownEntries([reference], token: token)
        guard let entry = found[reference] else { return .failure(.invalidReference(reference)) }
        return .ok(KhaltiAnswers.status(entry))
    }

    /// A bulk entry for a reference the ledger does not have, in the shape asked for.
    private func unknownBulkEntry(_ reference: String) -> WireJSON {
        switch shapes {
        case .published: KhaltiAnswers.unknownBulkEntry(reference)
        case .plain: KhaltiError.invalidReference(reference).json
        }
    }

    private func bulkStatus(_ parameters: WireParameters, token: String?) async throws -> WireAnswer {
        guard let list = parameters.text("references") else { return .failure(.referenceMissing) }
        let references = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !references.isEmpty else { return .failure(.referenceMissing) }
        guard references.count <= Self.maximumBulkReferences else {
            return .failure(.validation([("references", ["At most \(Self.maximumBulkReferences) references at once."])]))
        }
        if let lengthText = parameters.text("reference_length"), Int(lengthText) != references.count {
            return .failure(.validation([("reference_length", ["Must equal the number of references given (\(references.count))."])]))
        }
        var unique: [String] = []
        for reference in references where !unique.contains(reference) { unique.append(reference) }
        let found = try await ownEntries(unique, token: token)
        return .ok(.object([
            "status": .bool(true),
            "detail": .array(references.map { reference in
                found[reference].map(KhaltiAnswers.status) ?? unknownBulkEntry(reference)
            }),
        ]))
    }
}
