import ArrownetDomain
import Crypto
import Foundation

/// Which Khalti account a payment went through, as the journal records it: a keyed
/// hash of the token and the Khalti it was sent to, never the token or any part of it.
///
/// Khalti answers "unknown reference" to an account that did not make a payment, so a
/// payment may only be looked up with the token it was made with; the fingerprint lets
/// a counter tell its own payments from another account's without holding that token.
public enum KhaltiAccount {
    /// The HMAC key. Fixed, so every counter (and every version) gives one token the same
    /// fingerprint; its job is to make the hash useless for guessing tokens elsewhere,
    /// not to be secret.
    static let key = SymmetricKey(data: Data("arrownet khalti account fingerprint v1".utf8))

    /// 64 lowercase hex digits: HMAC-SHA256 over the journal's name of the Khalti (`live`,
    /// `uat`, `sandbox`, `local URL`) and the token. The name, not the base URL: the
    /// embedded sandbox listens on another port in every process, yet is one Khalti.
    static func fingerprint(of token: KhaltiToken, in environment: String) -> String {
        var message = Data(environment.utf8)
        // A separator that neither a URL nor a token holds, so the two cannot run into each other.
        message.append(0)
        message.append(contentsOf: Data(token.secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return mac.map { String(format: "%02x", $0) }.joined()
    }

    /// What sentences show of a fingerprint: its first 16 hex digits.
    public static func short(_ fingerprint: String) -> String {
        AccountSentences.short(fingerprint)
    }
}

extension KhaltiToken {
    /// This token's account fingerprint at the Khalti the journal calls `environment`
    /// (`KhaltiEnvironment.journalKey`; see `KhaltiAccount`).
    public func accountFingerprint(in environment: String) -> String {
        KhaltiAccount.fingerprint(of: self, in: environment)
    }
}

extension KhaltiAPI {
    /// The fingerprint of the account this client pays and looks up through, at the
    /// Khalti the journal calls `environment`.
    public func accountFingerprint(in environment: String) -> String { token.accountFingerprint(in: environment) }
}
