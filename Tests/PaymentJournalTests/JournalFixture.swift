import ArrownetDomain
import Foundation
@testable import PaymentJournal

/// A journal on a real file in a fresh temporary folder, and ways to put a payment
/// in any state through the journal's own API.
struct JournalFixture {
    static let environment = "sandbox"
    /// 2025-01-01 10:00 in Kathmandu.
    static let morning = Date(timeIntervalSince1970: 1_735_705_800)

    let folder: URL
    let journal: PaymentJournal
    var path: String { journal.path }

    init(subfolder: String = "data") throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-tests-\(UUID().uuidString)").appendingPathComponent(subfolder)
        journal = try PaymentJournal(path: folder.appendingPathComponent(PaymentJournal.fileName).path)
    }

    /// A second connection to the same file, as another counter would open.
    func secondJournal() throws -> PaymentJournal {
        try PaymentJournal(path: journal.path)
    }

    func remove() {
        try? journal.close()
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    static func intent(
        _ reference: String, username: String = "Pradhanang", amountPaisa: Int64 = 169_500,
        environment: String = JournalFixture.environment, at time: Date = morning
    ) throws -> PaymentIntent {
        PaymentIntent(
            reference: try PaymentReference(reference), khaltiEnvironment: environment, username: try Username(username),
            customerName: "Ashish Pradhanang - Home", plan: Plan(duration: .oneMonth, amount: Money(paisa: amountPaisa)),
            counter: "counter-1", operatorName: "sita", createdAt: time)
    }

    /// Puts a new payment in `state` along allowed moves only.
    @discardableResult
    func payment(_ reference: String, in state: PaymentState, username: String = "Pradhanang", at time: Date = morning) async throws -> PaymentRecord {
        let ref = try PaymentReference(reference)
        guard case .prepared(let prepared) = try await journal.prepare(try Self.intent(reference, username: username, at: time)) else {
            throw FixtureError("\(username) already has an open payment")
        }
        if state == .prepared { return prepared }
        if state == .abandoned {
            // The move recovery makes, for this payment alone.
            return try await journal.write { db in
                try PaymentJournal.move(db, ref, to: .abandoned, at: time, evidence: PaymentEvidence(note: "test abandon")) { _ in }
            }
        }
        let sending = try await journal.markSending(ref, at: time)
        if state == .sending { return sending }
        let answerState: PaymentState = state == .notReceived ? .held : state
        let record = try await journal.recordAnswer(
            ref, becomes: answerState, evidence: PaymentEvidence(note: "test answer", httpStatus: 200), transactionID: "tx-\(reference)",
            nextLookupAt: answerState == .held ? time.addingTimeInterval(300) : nil, at: time)
        guard state == .notReceived else { return record }
        return try await journal.recordLookup(
            ref, found: .resolved(.notReceived, transactionID: nil), evidence: PaymentEvidence(note: "test 002"), at: time)!
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// File mode bits, for permission checks.
func mode(of path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}
