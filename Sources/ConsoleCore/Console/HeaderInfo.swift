import ArrownetDomain

/// What the header line shows on every screen.
public struct HeaderInfo: Hashable, Sendable {
    public var counter: String
    /// The open shift's operator (the config's until the journal is read).
    public var operatorName: String
    public var environment: KhaltiEnvironment
    /// The counter's Khalti balance when last asked; nil until known.
    public var balance: Money?
    /// Why the balance could not be read, when the last attempt failed.
    public var balanceProblem: String?
    /// Payments waiting for a lookup (the journal's open payments).
    public var heldCount: Int
    /// The journal says no shift is open at this counter: the header says so in place
    /// of the operator.
    public var hasNoShift: Bool

    public init(
        counter: String, operatorName: String, environment: KhaltiEnvironment,
        balance: Money? = nil, balanceProblem: String? = nil, heldCount: Int = 0
    ) {
        self.counter = counter
        self.operatorName = operatorName
        self.environment = environment
        self.balance = balance
        self.balanceProblem = balanceProblem
        self.heldCount = heldCount
        hasNoShift = false
    }
}
