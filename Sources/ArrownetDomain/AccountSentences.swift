/// Sentences about the Khalti account a payment went through (a fingerprint of its
/// token, see `KhaltiAccount` in KhaltiClient), shared by the console and the commands.
public enum AccountSentences {
    /// How many hex digits of a fingerprint are shown: enough to tell accounts apart.
    public static let shownDigits = 16

    public static func short(_ fingerprint: String) -> String {
        String(fingerprint.prefix(shownDigits))
    }

    /// What a held payment of another account waits for, and what to do.
    public static func heldUnderAnotherAccount(_ fingerprint: String) -> String {
        "held under another Khalti account (fingerprint \(short(fingerprint))…): look it up from a counter with that account's token"
    }
}
