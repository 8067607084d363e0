/// Which Khalti a counter talks to, and whether its money is real: one notion for the
/// console's header, the commands' banners, the marks on receipts and the journal.
///
/// A payment is filed in the journal under `journalKey` and only ever looked up there,
/// so a training payment can never be settled against the live server, or the reverse.
public struct KhaltiEnvironment: Hashable, Sendable, CustomStringConvertible {
    public enum Server: Hashable, Sendable {
        /// The Khalti-compatible sandbox started inside this process (any port).
        case embeddedSandbox
        /// A server on this machine at this base URL: a separately run sandbox or a test double.
        case local(baseURL: String)
        /// Khalti's test server.
        case uat
        /// Khalti's live server.
        case live
    }

    /// What the money is, always said as a word: on screen, in banners and on receipts.
    public enum Money: String, Hashable, Sendable {
        case sandbox = "SANDBOX"
        case test = "UAT"
        case real = "LIVE"
    }

    public let server: Server
    public let money: Money

    public init(server: Server, money: Money) {
        self.server = server
        self.money = money
    }

    public static let sandbox = KhaltiEnvironment(server: .embeddedSandbox, money: .sandbox)
    public static let uat = KhaltiEnvironment(server: .uat, money: .test)
    public static let live = KhaltiEnvironment(server: .live, money: .real)

    /// A server on this machine: without a token it is taken to be a sandbox; with one,
    /// the token says whether the money is test or real.
    public static func local(baseURL: String, token: TokenKind?) -> KhaltiEnvironment {
        let money: Money = switch token {
        case nil: .sandbox
        case .test?: .test
        case .live?: .real
        }
        return KhaltiEnvironment(server: .local(baseURL: baseURL), money: money)
    }

    public enum TokenKind: Hashable, Sendable {
        case test
        case live
    }

    /// `SANDBOX`, `UAT` or `LIVE`: the console's header.
    public var label: String { money.rawValue }

    /// The mark a receipt or report carries; nil for real money, so a training receipt
    /// can never pass as one.
    public var receiptMark: String? { money == .real ? nil : money.rawValue }

    public var isRealMoney: Bool { money == .real }

    /// The line every command prints first, naming where the money goes.
    public var banner: String {
        switch server {
        case .embeddedSandbox: "SANDBOX: no real money"
        case .local(let baseURL):
            switch money {
            case .sandbox: "SANDBOX: no real money"
            case .test: "LOCAL SERVER \(baseURL): test token, no real money"
            case .real: "LOCAL SERVER \(baseURL): live token, real money"
            }
        case .uat: "UAT: Khalti test server, no real money"
        case .live: "LIVE: real money"
        }
    }

    /// Which Khalti the journal files a payment under: `sandbox` (the embedded one,
    /// whatever its port), `local URL`, `uat` or `live`. Stored in every payment row;
    /// never change these words.
    public var journalKey: String {
        switch server {
        case .embeddedSandbox: "sandbox"
        case .local(let baseURL): "local \(baseURL)"
        case .uat: "uat"
        case .live: "live"
        }
    }

    public var description: String { journalKey }
}
