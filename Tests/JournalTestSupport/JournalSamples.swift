import ArrownetDomain
import Foundation
import PaymentJournal

/// Intents and payments in any state, made through the store's own API only, so the
/// same helpers serve every implementation.
public enum JournalSamples {
    public static let environment = "sandbox"
    /// The Khalti account (fingerprint) the samples pay through, and another one.
    public static let account = "account-a-fingerprint"
    public static let otherAccount = "account-b-fingerprint"
    /// The counter the samples pay at; the fixtures open a shift there.
    public static let counter = "counter-1"
    /// 2025-01-01 10:00 in Kathmandu.
    public static let morning = Date(timeIntervalSince1970: 1_735_705_800)

    public static func intent(
        _ reference: String, username: String = "Pradhanang", amountPaisa: Int64 = 169_500,
        environment: String = JournalSamples.environment, counter: String = "counter-1", customerName: String = "Ashish Pradhanang - Home",
        at time: Date = morning, account: String? = JournalSamples.account
    ) throws -> PaymentIntent {
        PaymentIntent(
            reference: try PaymentReference(reference), khaltiEnvironment: environment, username: try Username(username),
            customerName: customerName, plan: Plan(duration: .oneMonth, amount: Money(paisa: amountPaisa)),
            counter: counter, operatorName: "sita", createdAt: time, khaltiAccount: account)
    }
}

extension JournalSamples {
    /// One payment as the payment path records it, for the benchmarks: intent, sending,
    /// paid (three durable transactions), at `counter-N` for customer `customerN`, so each
    /// counter's payments resolve one after the other.
    public static func recordPaidPayment(_ journal: any JournalStore, index: Int, counter: Int) async throws {
        let now = Date()
        let intent = PaymentIntent(
            reference: try PaymentReference("BENCH\(index)"), khaltiEnvironment: "sandbox", username: try Username("customer\(counter)"),
            customerName: "Bench Customer", plan: Plan(duration: .oneMonth, amount: Money(paisa: 169_500)),
            counter: "counter-\(counter)", operatorName: "bench", createdAt: now)
        guard case .prepared = try await journal.prepare(intent, refusingIfPaidSince: nil) else { throw SampleError("BENCH\(index) not prepared") }
        _ = try await journal.markSending(intent.reference, at: now)
        _ = try await journal.recordAnswer(
            RecordedAnswer(
                state: .paid, evidence: PaymentEvidence(note: "Khalti says the payment succeeded.", httpStatus: 200),
                transactionID: String(index), firstLookupAt: nil),
            of: intent.reference, at: now)
    }
}

extension StoreFixture {
    /// Puts a new payment in `state` along allowed moves only, written by `store`
    /// (the fixture's own by default).
    @discardableResult
    public func payment(
        _ reference: String, in state: PaymentState, username: String = "Pradhanang", counter: String = "counter-1",
        customerName: String = "Ashish Pradhanang - Home", at time: Date = JournalSamples.morning,
        by writer: (any JournalStore)? = nil, account: String? = JournalSamples.account
    ) async throws -> PaymentRecord {
        let store = writer ?? self.store
        try await ensureShift(counter: counter, on: store)
        let ref = try PaymentReference(reference)
        let intent = try JournalSamples.intent(reference, username: username, counter: counter, customerName: customerName, at: time, account: account)
        guard case .prepared(let prepared) = try await store.prepare(intent, refusingIfPaidSince: nil) else {
            throw SampleError("\(username) already has an open payment")
        }
        if state == .prepared { return prepared }
        if state == .abandoned {
            // The move another process's recovery makes, for this payment alone: its
            // cutoff is after it, and its counter is the only one asked about.
            let recoverer = try await another()
            let recovered = try await recoverer.recoverStranded(
                at: time, lookupDelay: 300, cutoff: time.addingTimeInterval(1), counter: counter)
            await recoverer.close()
            guard let record = recovered.first(where: { $0.record.reference == ref })?.record else {
                throw SampleError("recovery did not abandon \(reference)")
            }
            return record
        }
        let sending = try await store.markSending(ref, at: time)
        if state == .sending { return sending }
        let answerState: PaymentState = state == .notReceived ? .held : state
        let record = try await store.recordAnswer(
            RecordedAnswer(
                state: answerState, evidence: PaymentEvidence(note: "test answer", httpStatus: 200), transactionID: "tx-\(reference)",
                firstLookupAt: time.addingTimeInterval(300)),
            of: ref, at: time)
        guard state == .notReceived else { return record }
        guard let received = try await store.recordLookup(
            ref, found: .resolved(.notReceived, transactionID: nil), evidence: PaymentEvidence(note: "test 002"), at: time)
        else { throw SampleError("\(reference) was not held") }
        return received
    }
}

public struct SampleError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
