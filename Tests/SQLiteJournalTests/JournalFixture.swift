import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
@testable import SQLiteJournal

/// A SQLite journal on a real file in a fresh temporary folder, for what only SQLite
/// has: files, modes, migrations, triggers seen from raw SQL. Everything that holds for
/// every journal is in JournalContractTests.
struct JournalFixture {
    static let environment = JournalSamples.environment
    static let morning = JournalSamples.morning

    let folder: URL
    let journal: SQLiteJournal
    var path: String { journal.path }

    init(subfolder: String = "data") throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-tests-\(UUID().uuidString)").appendingPathComponent(subfolder)
        journal = try SQLiteJournal(path: folder.appendingPathComponent(SQLiteJournal.fileName).path)
    }

    func remove() {
        journal.closeNow()
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// Puts a new payment in `state`; `abandoned` and `notReceived` through the internal
    /// move, so this fixture needs no second process.
    /// Opens a shift at the samples' counter unless one is open: payments need one.
    @discardableResult
    func openShift() async throws -> Shift {
        if let open = try await journal.currentShift(counter: JournalSamples.counter) { return open }
        guard case .opened(let shift) = try await journal.openShift(ShiftOpening(
            counter: JournalSamples.counter, operatorName: "sita", openingFloat: Money(rupees: 1000), openingBalance: nil,
            at: JournalFixture.morning))
        else { throw SampleError("no shift") }
        return shift
    }

    @discardableResult
    func payment(_ reference: String, in state: PaymentState, username: String = "Pradhanang", at time: Date = morning) async throws -> PaymentRecord {
        try await openShift()
        let ref = try PaymentReference(reference)
        guard case .prepared(let prepared) = try await journal.prepare(
            try JournalSamples.intent(reference, username: username, at: time), refusingIfPaidSince: nil)
        else { throw SampleError("\(username) already has an open payment") }
        if state == .prepared { return prepared }
        if state == .abandoned {
            return try await journal.write { db in
                try SQLiteJournal.move(db, ref, to: .abandoned, at: time, evidence: PaymentEvidence(note: "test abandon")) { _ in }
            }
        }
        let sending = try await journal.markSending(ref, at: time)
        if state == .sending { return sending }
        let answerState: PaymentState = state == .notReceived ? .held : state
        let record = try await journal.recordAnswer(
            RecordedAnswer(state: answerState, evidence: PaymentEvidence(note: "test answer", httpStatus: 200), transactionID: "tx-\(reference)",
                           firstLookupAt: time.addingTimeInterval(300)),
            of: ref, at: time)
        guard state == .notReceived else { return record }
        guard let received = try await journal.recordLookup(
            ref, found: .resolved(.notReceived, transactionID: nil), evidence: PaymentEvidence(note: "test 002"), at: time)
        else { throw SampleError("not held") }
        return received
    }
}

/// File mode bits, for permission checks.
func mode(of path: String) -> mode_t {
    var info = stat()
    guard stat(path, &info) == 0 else { return 0 }
    return info.st_mode & 0o7777
}
