/// Which of Khalti's answer shapes the sandbox speaks where the protocol's plain shapes
/// and Khalti's published examples differ (the protocol note's last section).
public enum AnswerShapes: String, Sendable, CaseIterable {
    /// As Khalti's published documentation shows it answers, the default: balances with
    /// float noise (`777099.369900001`), and in a bulk lookup an unknown reference as
    /// `status: true, state: "Error", response_id: 0, amount: 0` with no error code.
    case published
    /// The protocol's plain shapes: two-decimal balances, and the 002 error object for
    /// an unknown reference in a bulk lookup too. A client must read both.
    case plain
}
