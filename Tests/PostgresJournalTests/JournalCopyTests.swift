import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import PostgresJournal
import SQLiteJournal
import Testing

/// `journal copy`: a counter's SQLite journal into the shared PostgreSQL one, read back
/// through both stores. A copy is whole or nothing, and running it again changes nothing.
@Suite("Journal copy: a counter's SQLite journal into the shared PostgreSQL journal", .enabled(if: PostgresTestServer.isExpected))
struct JournalCopyTests {
    @Test("every payment, event, printing, shift, cash movement and drawer opening reads back the same")
    func copiesEverything() async throws {
        try await CopySource.with { source in
            try await Self.withPostgres { journal, address in
                let report = try await journal.copy(from: source.journal)
                let sqlite = source.journal
                let payments = try await sqlite.history(HistoryFilter())
                #expect(payments.count == 7)
                var events = 0
                for payment in payments { events += try await sqlite.events(of: payment.reference).count }
                #expect(report.paymentsCopied == 7)
                #expect(report.paymentsAlreadyThere == 0)
                #expect(report.events == events)
                #expect(report.receiptPrintings == 2)
                #expect(report.shiftsCopied == 2)
                #expect(report.shiftsAlreadyThere == 0)
                #expect(report.cashMovements == 3)
                #expect(report.drawerOpenings == 2)

                // Shifts: the same numbers and figures (and Z report) under ids of the shared journal.
                var shiftIDs: [Int64: Int64] = [:]
                for shift in try await sqlite.shifts(counter: nil, since: nil) {
                    let copied = try #require(try await journal.shifts(counter: shift.counter, since: nil).first { $0.number == shift.number })
                    #expect(copied.withID(0) == shift.withID(0), "shift \(shift.number)")
                    shiftIDs[shift.id] = copied.id
                    let until = JournalSamples.morning.addingTimeInterval(24 * 3600)
                    let before = try await sqlite.shiftActivity(id: shift.id, until: until)
                    let after = try await journal.shiftActivity(id: copied.id, until: until)
                    #expect(after.cashMovements.map { $0.inShift(0) } == before.cashMovements.map { $0.inShift(0) }, "shift \(shift.number)")
                    #expect(after.drawerOpenings.map { $0.inShift(0) } == before.drawerOpenings.map { $0.inShift(0) }, "shift \(shift.number)")
                    #expect(after.payments.map(\.reference) == before.payments.map(\.reference), "shift \(shift.number)")
                }
                #expect(try await journal.shift(id: try #require(shiftIDs.values.max()))?.isOpen == true, "the open shift stays open")
                #expect(try await journal.currentShift(counter: "counter-1")?.number == 2)
                #expect(try await journal.shifts(counter: "counter-1", since: nil).first { $0.number == 1 }?.closingReport
                    == source.zReport, "the Z report is kept as it was made")

                // Payments: equal but for the shift's id, which is mapped; their logs equal.
                for payment in payments {
                    let copied = try #require(try await journal.payment(payment.reference))
                    #expect(copied.inShift(nil) == payment.inShift(nil), "\(payment.reference)")
                    #expect(copied.shiftID == payment.shiftID.flatMap { shiftIDs[$0] }, "\(payment.reference)")
                    #expect(try await journal.events(of: payment.reference) == (try await sqlite.events(of: payment.reference)), "\(payment.reference)")
                    #expect(
                        try await journal.receiptPrintings(of: payment.reference) == (try await sqlite.receiptPrintings(of: payment.reference)),
                        "\(payment.reference)")
                }
                #expect(Set(payments.map(\.state)) == [.paid, .held, .notPaid, .abandoned])
                #expect(try await journal.heldPayments(in: nil).map(\.reference.value) == ["C2"])

                try await RawPostgres.with(address) { raw in
                    let counts = try await raw.rowCounts()
                    #expect(counts["payment"] == 7)
                    #expect(counts["payment_event"] == events)
                    #expect(counts["shift"] == 2)
                }
            }
        }
    }

    @Test("copying again copies nothing, counts everything as there, and changes no row")
    func copyingAgain() async throws {
        try await CopySource.with { source in
            try await Self.withPostgres { journal, address in
                _ = try await journal.copy(from: source.journal)
                let before = try await RawPostgres.with(address) { try await $0.fingerprint() }
                let again = try await journal.copy(from: source.journal)
                #expect(again.paymentsCopied == 0)
                #expect(again.paymentsAlreadyThere == 7)
                #expect(again.events == 0)
                #expect(again.receiptPrintings == 0)
                #expect(again.shiftsCopied == 0)
                #expect(again.shiftsAlreadyThere == 2)
                #expect(again.cashMovements == 0)
                #expect(again.drawerOpenings == 0)
                try await RawPostgres.with(address) { raw async throws in #expect(try await raw.fingerprint() == before) }
            }
        }
    }

    @Test("a reference the shared journal already used for another payment refuses the whole copy")
    func referenceTakenByAnother() async throws {
        try await CopySource.with { source in
            try await Self.withPostgres { journal, address in
                // Another counter wrote a payment with reference C3 (another customer, another amount) first.
                _ = try await journal.openShift(ShiftOpening(
                    counter: "counter-9", operatorName: "hari", openingFloat: .zero, openingBalance: nil, at: JournalSamples.morning))
                let other = try JournalSamples.intent("C3", username: "someoneelse", amountPaisa: 99_900, counter: "counter-9")
                guard case .prepared = try await journal.prepare(other, refusingIfPaidSince: nil) else { Issue.record("C3 not written"); return }
                let before = try await RawPostgres.with(address) { try await $0.fingerprint() }
                await #expect(throws: JournalError.referenceAlreadyUsed(try PaymentReference("C3"))) {
                    try await journal.copy(from: source.journal)
                }
                try await RawPostgres.with(address) { raw async throws in #expect(try await raw.fingerprint() == before, "nothing of the copy was written") }
                #expect(try await journal.payment(try PaymentReference("C1")) == nil)
                #expect(try await journal.shifts(counter: "counter-1", since: nil).isEmpty)
            }
        }
    }

    @Test("a copied payment that moved on in the shared journal refuses a later copy, which writes nothing")
    func movedOnSinceTheCopy() async throws {
        try await CopySource.with { source in
            try await Self.withPostgres { journal, address in
                _ = try await journal.copy(from: source.journal)
                // The held payment was settled on the shared journal after the copy.
                let held = try PaymentReference("C2")
                _ = try await journal.recordLookup(
                    held, found: .resolved(.paid, transactionID: "tx-C2"), evidence: PaymentEvidence(note: "paid after all"),
                    at: JournalSamples.morning.addingTimeInterval(7200))
                let before = try await RawPostgres.with(address) { try await $0.fingerprint() }
                await #expect(throws: JournalError.referenceAlreadyUsed(held)) { try await journal.copy(from: source.journal) }
                try await RawPostgres.with(address) { raw async throws in #expect(try await raw.fingerprint() == before) }
                #expect(try await journal.payment(held)?.state == .paid)
            }
        }
    }

    /// A fresh PostgreSQL journal and its address, both gone afterwards.
    static func withPostgres(_ body: (PostgresJournal, PostgresAddress) async throws -> Void) async throws {
        let database = try await PostgresTestDatabase.create()
        let journal: PostgresJournal
        do {
            journal = try await PostgresJournal.open(database.address)
        } catch {
            await database.drop()
            throw error
        }
        do {
            try await body(journal, database.address)
        } catch {
            await journal.close()
            await database.drop()
            throw error
        }
        await journal.close()
        await database.drop()
    }
}

/// A counter's SQLite journal with something of everything: a closed shift with its Z
/// report and an open one, cash in and out, drawer openings, and payments paid (with a
/// receipt and a reprint), held after a lookup, not paid, abandoned by recovery, paid and
/// flagged, decided by a person. Times carry milliseconds, as real ones do.
struct CopySource {
    let folder: URL
    let journal: SQLiteJournal
    let zReport: ShiftReport

    static let counter = "counter-1"

    static func with(_ body: (CopySource) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-copy-\(UUID().uuidString)")
        let journal = try SQLiteJournal(path: folder.appendingPathComponent("data").appendingPathComponent(SQLiteJournal.fileName).path)
        do {
            let source = try await make(journal, folder: folder)
            try await body(source)
        } catch {
            journal.closeNow()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        journal.closeNow()
        try? FileManager.default.removeItem(at: folder)
    }

    static func at(_ seconds: TimeInterval) -> Date { JournalSamples.morning.addingTimeInterval(seconds) }

    private static func make(_ journal: SQLiteJournal, folder: URL) async throws -> CopySource {
        _ = try await journal.openShift(ShiftOpening(
            counter: counter, operatorName: "sita", openingFloat: Money(rupees: 1000), openingBalance: Money(rupees: 50_000), at: at(0.25)))
        _ = try await journal.recordCashMovement(NewCashMovement(
            counter: counter, direction: .into, amount: Money(paisa: 50_050), reason: "change from the bank", operatorName: "sita", at: at(60.5)))
        _ = try await journal.recordCashMovement(NewCashMovement(
            counter: counter, direction: .outOf, amount: Money(rupees: 200), reason: "drop to the safe", operatorName: "sita", at: at(120.125)))

        let paid = try await payment(journal, "C1", username: "Pradhanang", ending: .paid, at: 300.123)
        try await journal.recordReceiptPrinting(
            ReceiptPrinting(at: at(301.5), isReprint: false, newExpiry: at(31 * 86_400), destination: "sent to the printer (10.0.0.9:9100)"),
            of: paid)
        try await journal.recordReceiptPrinting(
            ReceiptPrinting(at: at(400.75), isReprint: true, newExpiry: at(31 * 86_400), destination: "saved as /tmp/receipt-C1.txt"), of: paid)
        _ = try await journal.recordDrawerOpening(NewDrawerOpening(
            counter: counter, at: at(301.6), reason: NewDrawerOpening.forPayment, reference: paid, operatorName: "sita"))

        let held = try await payment(journal, "C2", username: "heldcustomer", ending: .held, at: 600.001)
        _ = try await journal.recordLookup(
            held, found: .stillPending(nextLookupAt: at(1500.5)), evidence: PaymentEvidence(note: "Khalti: pending", httpStatus: 200, errorCode: nil,
                                                                                            khaltiText: "{\"state\":\"Pending\"}"),
            at: at(1200.2))
        _ = try await payment(journal, "C3", username: "notpaidcustomer", ending: .notPaid, at: 900.999)
        let gone = try await payment(journal, "C4", username: "gonecustomer", ending: .prepared, at: 1000.5)
        // Another process's recovery abandons it: the one that wrote it is provably gone (past the cutoff).
        let recoverer = try SQLiteJournal(path: journal.path)
        let recovered = try await recoverer.recoverStranded(at: at(1100), lookupDelay: 300, cutoff: at(1001), counter: counter)
        recoverer.closeNow()
        guard recovered.map(\.record.reference) == [gone] else { throw SampleError("recovery moved \(recovered)") }
        let flagged = try await payment(journal, "C5", username: "refundedcustomer", ending: .paid, at: 1300.4)
        _ = try await journal.flagPaid(
            flagged, problem: "Khalti shows it refunded", evidence: PaymentEvidence(note: "lookup found a refund", httpStatus: 200), at: at(1400.7))
        let decided = try await payment(journal, "C6", username: "decidedcustomer", ending: .held, at: 1600.3)
        _ = try await journal.resolve(
            Resolution(reference: decided, verdict: .notPaid, person: "Hari", note: "Khalti support: never received"), at: at(1700.8))

        let first = try #require(try await journal.currentShift(counter: counter))
        let closed = try await journal.closeShift(
            ShiftClosing(shiftID: first.id, countedCash: Money(paisa: 321_050), closingBalance: Money(rupees: 48_305), note: "end of morning",
                         at: at(3600.5)),
            report: makeZReport)
        let report = try #require(closed.closingReport)

        _ = try await journal.openShift(ShiftOpening(
            counter: counter, operatorName: "gita", openingFloat: Money(rupees: 500), openingBalance: nil, at: at(3700)))
        _ = try await payment(journal, "C7", username: "afternooncustomer", ending: .paid, at: 3800.42)
        _ = try await journal.recordCashMovement(NewCashMovement(
            counter: counter, direction: .into, amount: Money(rupees: 1000), reason: "float top-up", operatorName: "gita", at: at(3900)))
        _ = try await journal.recordDrawerOpening(NewDrawerOpening(
            counter: counter, at: at(3950), reason: "customer wanted change", reference: nil, operatorName: "gita"))
        return CopySource(folder: folder, journal: journal, zReport: report)
    }

    /// Prepares the payment and takes it as far as `ending` (prepared, paid, held or not paid).
    private static func payment(
        _ journal: SQLiteJournal, _ reference: String, username: String, ending: PaymentState, at seconds: TimeInterval
    ) async throws -> PaymentReference {
        let intent = try JournalSamples.intent(reference, username: username, counter: counter, customerName: "\(username) - Home", at: at(seconds))
        guard case .prepared = try await journal.prepare(intent, refusingIfPaidSince: nil) else { throw SampleError("\(reference) not prepared") }
        guard ending != .prepared else { return intent.reference }
        _ = try await journal.markSending(intent.reference, at: at(seconds + 0.2))
        let answer = switch ending {
        case .paid:
            RecordedAnswer(state: .paid, evidence: PaymentEvidence(note: "Khalti answered Success", httpStatus: 200), transactionID: "tx-\(reference)",
                           firstLookupAt: nil)
        case .notPaid:
            RecordedAnswer(state: .notPaid, evidence: PaymentEvidence(note: "Khalti refused it", httpStatus: 400, errorCode: "010",
                                                                      khaltiText: "Insufficient balance"),
                           transactionID: nil, firstLookupAt: nil)
        default:
            RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "no answer within 60 s"), transactionID: nil,
                           firstLookupAt: at(seconds + 300), refusedByKhalti: false)
        }
        _ = try await journal.recordAnswer(answer, of: intent.reference, at: at(seconds + 1.7))
        return intent.reference
    }

    /// A Z report with the figures a shift report shows.
    static let makeZReport: @Sendable (ShiftActivity) -> ShiftReport = { activity in
        var report = ShiftReport(shift: activity.shift.info, takenAt: activity.until)
        for payment in activity.payments {
            switch payment.state {
            case .paid: report.paid.add(payment.amount)
            case .notPaid, .notReceived: report.notPaid.add(payment.amount)
            case .abandoned: report.abandoned.add(payment.amount)
            case .prepared, .sending: report.onTheirWay.add(payment.amount)
            case .held:
                report.held.add(payment.amount)
                report.heldPayments.append(ShiftReport.Item(
                    reference: payment.reference, username: payment.username, customerName: payment.customerName, amount: payment.amount,
                    state: payment.state))
            }
        }
        for movement in activity.cashMovements {
            let entry = ShiftReport.CashEntry(amount: movement.amount, reason: movement.reason, operatorName: movement.operatorName, at: movement.at)
            if movement.direction == .into { report.cashIn.append(entry) } else { report.cashOut.append(entry) }
        }
        report.drawerOpenings = activity.drawerOpenings.count
        report.drawerOpeningsWithoutPayment = activity.drawerOpenings.filter { $0.reference == nil }.count
        report.khaltiBalanceAtOpening = activity.shift.openingBalance
        report.note = "Z"
        return report
    }
}

// The same row in another journal, where ids differ: compared with the id set aside.

extension PaymentRecord {
    func inShift(_ shiftID: Int64?) -> PaymentRecord {
        PaymentRecord(
            reference: reference, khaltiEnvironment: khaltiEnvironment, username: username, customerName: customerName, duration: duration,
            amount: amount, counter: counter, operatorName: operatorName, state: state, transactionID: transactionID, createdAt: createdAt,
            sentAt: sentAt, updatedAt: updatedAt, resolvedAt: resolvedAt, lookupCount: lookupCount, unknownReferenceLookups: unknownReferenceLookups,
            nextLookupAt: nextLookupAt, firstLookupAt: firstLookupAt, refusedByKhalti: refusedByKhalti, attention: attention, owner: owner,
            shiftID: shiftID)
    }
}

extension Shift {
    func withID(_ id: Int64) -> Shift {
        Shift(
            id: id, counter: counter, number: number, operatorName: operatorName, openingFloat: openingFloat, openingBalance: openingBalance,
            openedAt: openedAt, closedAt: closedAt, countedCash: countedCash, closingBalance: closingBalance, note: note, closingReport: closingReport)
    }
}

extension CashMovement {
    func inShift(_ shiftID: Int64) -> CashMovement {
        CashMovement(id: 0, shiftID: shiftID, direction: direction, amount: amount, reason: reason, operatorName: operatorName, at: at)
    }
}

extension DrawerOpening {
    func inShift(_ shiftID: Int64?) -> DrawerOpening {
        DrawerOpening(id: 0, shiftID: shiftID, counter: counter, at: at, reason: reason, reference: reference, operatorName: operatorName)
    }
}
