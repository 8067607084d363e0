import ArrownetDomain
import Foundation

/// A state a sandbox payment can be in. Raw values are Khalti's wire spelling.
public enum SandboxPaymentState: String, Sendable, Codable, CaseIterable {
    case success = "Success"
    case queued = "Queued"
    case processing = "Processing"
    case failed = "Failed"

    /// Queued and Processing wait for settlement; Success and Failed never change again.
    public var isFinal: Bool { self == .success || self == .failed }
}

/// One Arrownet subscriber the sandbox knows: what the details call answers for them,
/// and how their payments go.
public struct SandboxCustomer: Sendable, Equatable, Codable {
    public var username: String
    /// What the customer exercises, in one sentence (for the README and for trainers).
    public var covers: String
    public var details: SandboxAccountDetails
    /// The states a payment goes through: `["Success"]`, `["Failed"]`, or a pending state
    /// then a final one (`["Queued", "Success"]`, `["Queued", "Failed"]`).
    public var paymentScript: [SandboxPaymentState]
    /// The status lookup that shows the final state: 1 means the first lookup already does.
    public var settleAfterLookups: Int
    /// Overrides `SandboxConfiguration.settleQueuedAfterSeconds` for this customer.
    public var settleAfterSeconds: Int?

    public init(
        username: String,
        covers: String = "",
        details: SandboxAccountDetails,
        paymentScript: [SandboxPaymentState] = [.success],
        settleAfterLookups: Int = 1,
        settleAfterSeconds: Int? = nil
    ) {
        self.username = username
        self.covers = covers
        self.details = details
        self.paymentScript = paymentScript
        self.settleAfterLookups = settleAfterLookups
        self.settleAfterSeconds = settleAfterSeconds
    }

    enum CodingKeys: String, CodingKey {
        case username, covers, details
        case paymentScript = "payment_script"
        case settleAfterLookups = "settle_after_lookups"
        case settleAfterSeconds = "settle_after_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        username = try container.decode(String.self, forKey: .username)
        covers = try container.decodeIfPresent(String.self, forKey: .covers) ?? ""
        details = try container.decode(SandboxAccountDetails.self, forKey: .details)
        paymentScript = try container.decodeIfPresent([SandboxPaymentState].self, forKey: .paymentScript) ?? [.success]
        settleAfterLookups = try container.decodeIfPresent(Int.self, forKey: .settleAfterLookups) ?? 1
        settleAfterSeconds = try container.decodeIfPresent(Int.self, forKey: .settleAfterSeconds)
    }

    /// The state a new payment answers with.
    var initialPaymentState: SandboxPaymentState { paymentScript.first ?? .success }
    /// The state a pending payment settles to; `nil` when the first answer is final.
    var settledPaymentState: SandboxPaymentState? { paymentScript.count == 2 ? paymentScript[1] : nil }
}

/// The customer part of Khalti's details answer, field for field.
public struct SandboxAccountDetails: Sendable, Equatable, Codable {
    public var planDetails: [SandboxPlan]
    public var daysRemaining: Int
    public var currentPlan: String
    public var acceptAdvancePayment: Bool
    public var hasDue: Bool
    public var fullName: String

    public init(
        planDetails: [SandboxPlan], daysRemaining: Int, currentPlan: String,
        acceptAdvancePayment: Bool, hasDue: Bool, fullName: String
    ) {
        self.planDetails = planDetails
        self.daysRemaining = daysRemaining
        self.currentPlan = currentPlan
        self.acceptAdvancePayment = acceptAdvancePayment
        self.hasDue = hasDue
        self.fullName = fullName
    }

    enum CodingKeys: String, CodingKey {
        case planDetails = "plan_details"
        case daysRemaining = "days_remaining"
        case currentPlan = "current_plan"
        case acceptAdvancePayment = "accept_advance_payment"
        case hasDue = "has_due"
        case fullName = "full_name"
    }
}

/// A plan on offer: months and its price. The price is read from the seed's decimal
/// string straight into paisa, never through a float.
public struct SandboxPlan: Sendable, Equatable, Codable {
    public var duration: Int
    public var amount: Money

    public init(duration: Int, amount: Money) {
        self.duration = duration
        self.amount = amount
    }

    enum CodingKeys: String, CodingKey { case duration, amount }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        duration = try container.decode(Int.self, forKey: .duration)
        let text = try container.decode(String.self, forKey: .amount)
        do {
            amount = try Money(wire: text)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(duration, forKey: .duration)
        try container.encode(amount.wireString, forKey: .amount)
    }
}
