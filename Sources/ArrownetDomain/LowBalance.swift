/// When the counter's Khalti balance is too low to be trusted for the next payment.
///
/// Khalti refuses a payment the balance cannot cover (1016) only after the clerk has
/// taken the cash; the console warns before: the header once the balance is below the
/// threshold (`low_balance` in the config), and the account screen for every plan that
/// costs more than the balance last read.
public enum LowBalance {
    /// `low_balance` when the config gives none: a day's few payments at a small counter.
    public static let defaultThreshold = Money(rupees: 5_000)
}
