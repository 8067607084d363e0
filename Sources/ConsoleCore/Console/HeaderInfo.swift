import ArrownetDomain
import Foundation

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
    /// Below this the header warns that the balance is low (`low_balance`).
    public var lowBalance: Money
    /// Payments waiting for a lookup (the journal's open payments).
    public var heldCount: Int
    /// The journal says no shift is open at this counter: the header says so in place
    /// of the operator.
    public var hasNoShift: Bool
    /// Seconds this counter's clock is ahead of the journal's (negative: behind), when
    /// measured: beyond `ClockDrift.tolerance` the header says the clock is off.
    public var clockDrift: TimeInterval?

    public init(
        counter: String, operatorName: String, environment: KhaltiEnvironment,
        balance: Money? = nil, balanceProblem: String? = nil, heldCount: Int = 0,
        lowBalance: Money = LowBalance.defaultThreshold
    ) {
        self.lowBalance = lowBalance
        self.counter = counter
        self.operatorName = operatorName
        self.environment = environment
        self.balance = balance
        self.balanceProblem = balanceProblem
        self.heldCount = heldCount
        hasNoShift = false
        clockDrift = nil
    }

    /// `CLOCK 5 min behind` while this counter's clock is off the journal's; nil otherwise.
    public var clockWarning: String? { clockDrift.flatMap(ClockDrift.headerText) }

    /// The balance last read is below the threshold: the header shows it as a warning.
    public var isBalanceLow: Bool { balance.map { $0 < lowBalance } ?? false }

    /// Whether a plan costs more than the balance last read: Khalti would refuse it (1016)
    /// after the clerk took the cash. False while the balance is unknown.
    public func exceedsBalance(_ amount: Money) -> Bool {
        balance.map { amount > $0 } ?? false
    }
}
