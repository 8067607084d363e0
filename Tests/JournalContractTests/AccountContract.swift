import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

/// Khalti answers "unknown reference" to an account that did not make a payment: the
/// journal records each payment's account and hands a lookup only to that account.
@Suite("Journal contract: each payment's Khalti account; claims only of one's own")
struct AccountContract {
    static let later = JournalSamples.morning.addingTimeInterval(3600)

    @Test("the account is written with the intent and read back by every query", arguments: StoreKind.available)
    func storedAndRead(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let held = try await fixture.payment("AC1", in: .held)
            #expect(held.khaltiAccount == JournalSamples.account)
            let other = try await fixture.payment("AC2", in: .paid, username: "duecustomer", account: JournalSamples.otherAccount)
            #expect(other.khaltiAccount == JournalSamples.otherAccount)
            #expect(try await fixture.store.payment(held.reference)?.khaltiAccount == JournalSamples.account)
            #expect(try await fixture.store.heldPayments(in: nil).map(\.khaltiAccount) == [JournalSamples.account])
            #expect(try await fixture.store.history(HistoryFilter()).map(\.khaltiAccount) == [JournalSamples.account, JournalSamples.otherAccount])
            #expect(held.summary.khaltiAccount == JournalSamples.account)
        }
    }

    @Test("a counter claims only its own account's held payments; the other account's stay held and unclaimed", arguments: StoreKind.available)
    func claimsOwnOnly(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let mine = try await fixture.payment("AC3", in: .held)
            let theirs = try await fixture.payment("AC4", in: .held, username: "duecustomer", account: JournalSamples.otherAccount)
            let until = Self.later.addingTimeInterval(300)
            let claimed = try await fixture.store.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.account, at: Self.later, schedule: .all, claimUntil: until)
            #expect(claimed.map(\.reference) == [mine.reference])
            // Unclaimed by the first: the other account's counter gets it at once.
            let other = try await fixture.another()
            let theirClaim = try await other.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.otherAccount, at: Self.later, schedule: .all, claimUntil: until)
            #expect(theirClaim.map(\.reference) == [theirs.reference])
            #expect(theirClaim.first?.khaltiAccount == JournalSamples.otherAccount)
            await other.close()
            #expect(try await fixture.store.payment(theirs.reference)?.state == .held)
        }
    }

    @Test("a payment from before accounts takes the account of the first counter that claims it, and keeps it", arguments: StoreKind.available)
    func unrecordedTakesClaimer(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let old = try await fixture.payment("AC5", in: .held, account: nil)
            #expect(old.khaltiAccount == nil)
            let until = Self.later.addingTimeInterval(300)
            let claimed = try await fixture.store.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.account, at: Self.later, schedule: .all, claimUntil: until)
            #expect(claimed.map(\.khaltiAccount) == [JournalSamples.account], "the claim's record names the account")
            #expect(try await fixture.store.payment(old.reference)?.khaltiAccount == JournalSamples.account)
            try await fixture.store.releaseClaims([old.reference])
            // Now it is the first account's: the other account never claims it.
            let other = try await fixture.another()
            #expect(try await other.claimLookups(
                in: JournalSamples.environment, account: JournalSamples.otherAccount, at: until, schedule: .all,
                claimUntil: until.addingTimeInterval(300)).isEmpty)
            await other.close()
        }
    }
}
