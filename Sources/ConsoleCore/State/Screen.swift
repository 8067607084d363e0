/// The screen the clerk is on, each with exactly the state it shows.
public enum Screen: Hashable, Sendable {
    case usernameEntry(UsernameEntryScreen)
    case loading(LoadingScreen)
    /// Account details and plan selection.
    case account(AccountScreen)
    case confirmation(ConfirmationScreen)
    case sending(SendingScreen)
    case outcome(OutcomeScreen)
    case heldPayments(HeldPaymentsScreen)

    /// The screen's title, for the header and help.
    public var title: String {
        switch self {
        case .usernameEntry: "Customer username"
        case .loading: "Looking up"
        case .account: "Account and plans"
        case .confirmation: "Confirm payment"
        case .sending: "Sending payment"
        case .outcome: "Payment result"
        case .heldPayments: "Held payments"
        }
    }
}
