import ArrownetDomain
import KhaltiClient

/// Sentences about the Khalti account a payment went through, for every command and
/// the console alike.
public enum AccountWords {
    /// What a held payment of another account waits for, and what to do.
    public static func heldUnderAnotherAccount(_ fingerprint: String) -> String {
        AccountSentences.heldUnderAnotherAccount(fingerprint)
    }

    /// The account as `status` and `history` name it.
    public static func shown(_ fingerprint: String?) -> String {
        fingerprint.map { KhaltiAccount.short($0) + "…" } ?? "not recorded (from before accounts; the first counter to look it up takes it as its own)"
    }
}
