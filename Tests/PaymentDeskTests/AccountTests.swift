import ArrownetDomain
import Foundation
import KhaltiClient
import KhaltiSandbox
import PaymentDesk
import PaymentJournal
import Testing

/// Khalti answers "unknown reference" (002) to an account that did not make a payment.
/// Before accounts were recorded, a counter with another token (a renewed one, or
/// another counter's own service account) looked up a paid payment three times over
/// eighteen minutes and settled it NOT RECEIVED: the clerk gave back the cash of a bill
/// Khalti had paid.
@Suite("Desk: a payment is looked up only with the token of the account it went through")
struct AccountTests {
    static let secondToken = "TEST:second-account-token"

    @Test("held under token A; reconcile with token B for 20 minutes sends no lookup and leaves it held; token A settles it PAID")
    func anotherAccountNeverSettlesIt() async throws {
        // The commit is applied, then the answer is lost: the payment is held, and paid at Khalti.
        let configuration = SandboxConfiguration(
            faults: [FaultRule(call: .commit, times: 1, effect: .dropConnection)], secondAccountToken: Self.secondToken)
        try await DeskHarness.with(configuration) { harness in
            guard case .held(let held, _) = try await harness.pay("Pradhanang") else { Issue.record("not held"); return }
            let record = try await harness.record(held)
            #expect(record.khaltiAccount == harness.desk.khaltiAccount)
            #expect(try await harness.ledgerCount(held) == 1, "Khalti applied it")

            // The same counter after the token was changed, on the same journal.
            let tokenB = try KhaltiAPI(
                endpoint: try KhaltiEndpoint(parsing: harness.sandbox.baseURL), token: try KhaltiToken(Self.secondToken),
                timeouts: KhaltiTimeouts(payment: 5))
            let deskB = PaymentDesk(
                store: harness.journal, gateway: .live(tokenB), environment: harness.desk.environment,
                clock: { harness.clock.now }, calendar: DeskHarness.kathmandu)
            #expect(deskB.khaltiAccount != harness.desk.khaltiAccount)
            // The hazard is real: token B's own lookup of this reference answers 002.
            #expect(try await tokenB.lookUp(held.reference) == .unknownReference)
            let askedBefore = harness.sandbox.secondAccountLookups().count

            for _ in 0..<5 {
                harness.clock.advance(4 * 60)
                let report = await deskB.reconcile(schedule: .all)
                #expect(report.changes.isEmpty, "\(report.changes)")
                #expect(report.elsewhere.map(\.reference) == [held.reference])
                #expect(report.elsewhere.first?.khaltiAccount == harness.desk.khaltiAccount)
            }
            #expect(harness.sandbox.secondAccountLookups().count == askedBefore, "token B sent no lookup")
            let waiting = try await harness.record(held)
            #expect(waiting.state == .held)
            #expect(waiting.lookupCount == 0)
            #expect(AccountWords.heldUnderAnotherAccount(try #require(waiting.khaltiAccount))
                .contains(KhaltiAccount.short(harness.desk.khaltiAccount)))
            await tokenB.shutdown()

            // Token A again (the old token, or the counter that holds it): Khalti knows it.
            let report = await harness.desk.reconcile(schedule: .all)
            #expect(report.changes.map(\.after.state) == [.paid])
            #expect(report.elsewhere.isEmpty)
        }
    }

    @Test("the fingerprint is a keyed hash: not the token, no part of it, one per token and Khalti")
    func fingerprintHidesTheToken() throws {
        let token = try KhaltiToken("live_secret_key_68791341fdd94846a146f0457ff7b455")
        let live = token.accountFingerprint(in: "live")
        #expect(live.count == 64 && live.allSatisfy(\.isHexDigit))
        #expect(live == token.accountFingerprint(in: "live"), "the same on every counter")
        #expect(live != token.accountFingerprint(in: "uat"))
        let neighbour = try KhaltiToken("live_secret_key_68791341fdd94846a146f0457ff7b456")
        #expect(live != neighbour.accountFingerprint(in: "live"))
        for piece in ["68791341", "fdd94846", "secret", "7b455"] { #expect(!live.contains(piece)) }
        #expect(KhaltiAccount.short(live).count == 16)
    }
}
