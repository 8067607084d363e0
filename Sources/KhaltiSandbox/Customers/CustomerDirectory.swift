/// Finds a customer by the username a clerk typed.
///
/// Matching ignores case: clerks type what the subscriber says, and ISP usernames are
/// not case-sensitive logins. Everything else (spaces included) must match.
struct CustomerDirectory: Sendable {
    private let byUsername: [String: SandboxCustomer]

    init(_ customers: [SandboxCustomer]) {
        byUsername = Dictionary(customers.map { ($0.username.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
    }

    func customer(named username: String) -> SandboxCustomer? {
        byUsername[username.lowercased()]
    }
}
