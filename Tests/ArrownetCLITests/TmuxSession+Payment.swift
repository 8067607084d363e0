import Foundation
import Testing

extension TmuxSession {
    /// From the username screen to a confirmed payment, as a clerk does it: type the
    /// username, wait for the customer's `name`, choose the plan (`planKey`, or Enter for
    /// the highlighted one), and press y once the confirmation has been on screen long
    /// enough to be read back (the console ignores a y that comes sooner).
    func confirmPayment(_ username: String, name: String, planKey: String?) async throws {
        try type(username)
        try send("Enter")
        try await waitFor(name)
        if let planKey { try type(planKey) } else { try send("Enter") }
        try await waitFor("Confirm payment")
        try await Task.sleep(for: .milliseconds(1_000))
        try type("y")
    }
}
