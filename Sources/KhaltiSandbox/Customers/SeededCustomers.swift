import Foundation

/// Why a customer list cannot be used. Said plainly, since a trainer may edit the file.
public struct SandboxCustomerFileError: Error, Equatable, CustomStringConvertible {
    public let description: String
}

extension SandboxCustomer {
    /// The customers shipped in `Resources/sandbox-customers.json`.
    public static func seededCustomers() throws -> [SandboxCustomer] {
        guard let url = Bundle.module.url(forResource: "sandbox-customers", withExtension: "json") else {
            throw SandboxCustomerFileError(description: "sandbox-customers.json is missing from the KhaltiSandbox bundle")
        }
        return try customers(fromJSON: Data(contentsOf: url))
    }

    /// Reads a customer list in the seed's format (`{"customers": [...]}`) and checks it.
    public static func customers(fromJSON data: Data) throws -> [SandboxCustomer] {
        struct CustomerFile: Decodable { let customers: [SandboxCustomer] }
        let customers = try JSONDecoder().decode(CustomerFile.self, from: data).customers
        try validate(customers)
        return customers
    }

    /// Refuses a list the sandbox could not serve faithfully, at start rather than mid-payment.
    static func validate(_ customers: [SandboxCustomer]) throws {
        var seen = Set<String>()
        for customer in customers {
            let name = customer.username
            guard !name.isEmpty else { throw SandboxCustomerFileError(description: "a customer has an empty username") }
            guard seen.insert(name.lowercased()).inserted else {
                throw SandboxCustomerFileError(description: "username \(name) appears twice (usernames match case-insensitively)")
            }
            let script = customer.paymentScript
            let scriptIsValid = switch script.count {
            case 1: script[0].isFinal
            case 2: !script[0].isFinal && script[1].isFinal
            default: false
            }
            guard scriptIsValid else {
                throw SandboxCustomerFileError(
                    description: "\(name): payment_script must be one final state or a pending state then a final one, not \(script.map(\.rawValue))"
                )
            }
            guard customer.settleAfterLookups >= 1 else {
                throw SandboxCustomerFileError(description: "\(name): settle_after_lookups must be at least 1")
            }
            let durations = customer.details.planDetails.map(\.duration)
            guard !durations.isEmpty, Set(durations).count == durations.count else {
                throw SandboxCustomerFileError(description: "\(name): plan_details must list each duration once")
            }
        }
    }
}
