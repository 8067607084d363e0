/// What a key means on a screen. Key bindings map keys to intents; `reduce`
/// acts on intents, so the key map is the single place that says which key does what.
public enum Intent: Hashable, Sendable {
    // Username entry
    /// Not bound to a key: documents that letters, digits and . _ - @ type the username.
    case typeUsername
    case lookUp
    case cursorLeft
    case cursorRight
    case cursorToStart
    case cursorToEnd
    case deleteBackward
    case deleteForward
    case clearUsername
    case olderRecentUsername
    case newerRecentUsername
    case showHeldPayments
    case reprintLastReceipt
    case quit
    // Loading
    case cancelLookup
    // Account and plans; the held list uses the same highlight moves.
    case highlightPrevious
    case highlightNext
    case chooseHighlightedPlan
    /// The pressed digit says which plan (see `PlanChoice.key(for:)`).
    case choosePlanByDigit
    case backToUsername
    // Confirmation
    case confirmPayment
    case backToPlans
    // Outcome
    case nextCustomer
    case reprintReceipt
    // Held payments
    case toggleDetails
    case lookUpHeldNow
    case printSelectedReceipt
    case closeHeldPayments
    // Help
    case showHelp
    case closeHelp
}
