import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
import Testing

@Suite("Journal contract: shifts, cash movements, drawer openings")
struct ShiftContract {
    static let morning = JournalSamples.morning

    static func opening(_ counter: String, float: Int64 = 5000, at time: Date = morning) -> ShiftOpening {
        ShiftOpening(counter: counter, operatorName: "Ram", openingFloat: Money(rupees: float), openingBalance: Money(rupees: 100_000), at: time)
    }

    static func closing(_ shift: Shift, at time: Date = morning.addingTimeInterval(8 * 3600)) -> ShiftClosing {
        ShiftClosing(shiftID: shift.id, countedCash: Money(rupees: 5000), closingBalance: nil, note: "end of day", at: time)
    }

    /// A report that only names the payments it was given, to see what the close read.
    static let echo: @Sendable (ShiftActivity) -> ShiftReport = { activity in
        var report = ShiftReport(shift: activity.shift.info, takenAt: activity.until)
        for payment in activity.payments { report.held.add(payment.amount) }
        report.note = activity.payments.map(\.reference.value).joined(separator: ",")
        return report
    }

    @Test("shifts are numbered per counter and never reused; a counter has one open shift", arguments: StoreKind.available)
    func numbering(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            // The fixture opened shift 1 at counter-1.
            let first = try #require(try await store.currentShift(counter: "counter-1"))
            #expect(first.number == 1 && first.isOpen)
            guard case .alreadyOpen(let open) = try await store.openShift(Self.opening("counter-1")) else { Issue.record("a second open shift"); return }
            #expect(open == first)
            _ = try await store.closeShift(Self.closing(first), report: Self.echo)
            guard case .opened(let second) = try await store.openShift(Self.opening("counter-1", float: 2000)) else { Issue.record("second"); return }
            #expect(second.number == 2)
            #expect(second.openingFloat == Money(rupees: 2000))
            guard case .opened(let other) = try await store.openShift(Self.opening("counter-9")) else { Issue.record("other counter"); return }
            #expect(other.number == 1)
            #expect(try await store.shifts(counter: "counter-1", since: nil).map(\.number) == [2, 1])
            #expect(try await store.shifts(counter: nil, since: nil).count == 3)
        }
    }

    @Test("two counters opening the same counter's shift at once open exactly one", arguments: StoreKind.available)
    func openRace(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let other = try await fixture.another()
            let stores: [any JournalStore] = [fixture.store, other]
            let results = await withTaskGroup(of: ShiftOpened?.self) { group in
                for index in 0..<10 {
                    group.addTask { try? await stores[index % 2].openShift(Self.opening("counter-5")) }
                }
                return await group.reduce(into: [ShiftOpened?]()) { $0.append($1) }
            }
            #expect(results.filter { if case .opened? = $0 { true } else { false } }.count == 1)
            #expect(results.allSatisfy { $0 != nil })
            #expect(try await fixture.store.shifts(counter: "counter-5", since: nil).count == 1)
        }
    }

    @Test("a payment needs its counter's open shift, and belongs to it", arguments: StoreKind.available)
    func paymentsNeedAShift(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let refused = try await store.prepare(try JournalSamples.intent("N1", counter: "counter-7"), refusingIfPaidSince: nil)
            #expect(refused == .noOpenShift)
            #expect(try await store.payment(try PaymentReference("N1")) == nil)
            let paid = try await fixture.payment("N2", in: .paid)
            #expect(paid.shiftID == (try await store.currentShift(counter: "counter-1"))?.id)
            #expect(try await store.history(HistoryFilter(shiftID: paid.shiftID)).map(\.reference.value) == ["N2"])
        }
    }

    @Test("a shift cannot close with a payment on its way; closed, it never changes and takes no cash or payment", arguments: StoreKind.available)
    func closedIsClosed(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let shift = try #require(try await store.currentShift(counter: "counter-1"))
            let sending = try await fixture.payment("C1", in: .sending)
            await #expect(throws: JournalError.paymentsOnTheirWay([sending.reference])) {
                try await store.closeShift(Self.closing(shift), report: Self.echo)
            }
            #expect(try await store.currentShift(counter: "counter-1")?.isOpen == true)
            _ = try await store.recordAnswer(
                RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "x"), transactionID: nil, firstLookupAt: Self.morning),
                of: sending.reference, at: Self.morning)
            let closed = try await store.closeShift(Self.closing(shift), report: Self.echo)
            #expect(closed.closedAt == Self.morning.addingTimeInterval(8 * 3600))
            #expect(closed.countedCash == Money(rupees: 5000))
            #expect(closed.closingReport?.note == "C1", "the report was made from what the closing transaction read")
            #expect(try await store.currentShift(counter: "counter-1") == nil)
            await #expect(throws: JournalError.shiftClosed(number: 1, counter: "counter-1")) {
                try await store.closeShift(Self.closing(shift), report: Self.echo)
            }
            await #expect(throws: JournalError.noOpenShift(counter: "counter-1")) {
                try await store.recordCashMovement(NewCashMovement(
                    counter: "counter-1", direction: .into, amount: Money(rupees: 1), reason: "late", operatorName: "Ram", at: Self.morning))
            }
            #expect(try await store.prepare(try JournalSamples.intent("C2", username: "duecustomer"), refusingIfPaidSince: nil) == .noOpenShift)
            #expect(try await store.shift(id: shift.id) == closed)
        }
    }

    @Test("cash movements and drawer openings land in the open shift's activity", arguments: StoreKind.available)
    func cashAndDrawer(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let shift = try #require(try await store.currentShift(counter: "counter-1"))
            let cashIn = try await store.recordCashMovement(NewCashMovement(
                counter: "counter-1", direction: .into, amount: Money(paisa: 50_050), reason: "change from the bank", operatorName: "Ram", at: Self.morning))
            #expect(cashIn.shiftID == shift.id && cashIn.amount == Money(paisa: 50_050))
            _ = try await store.recordCashMovement(NewCashMovement(
                counter: "counter-1", direction: .outOf, amount: Money(rupees: 2000), reason: "drop to the safe", operatorName: "Ram", at: Self.morning))
            let opening = try await store.recordDrawerOpening(NewDrawerOpening(
                counter: "counter-1", at: Self.morning, reason: "customer wanted change", reference: nil, operatorName: "Ram"))
            #expect(opening.shiftID == shift.id)
            let elsewhere = try await store.recordDrawerOpening(NewDrawerOpening(
                counter: "counter-8", at: Self.morning, reason: NewDrawerOpening.forCount, reference: nil, operatorName: "Ram"))
            #expect(elsewhere.shiftID == nil, "no shift open there")
            let activity = try await store.shiftActivity(id: shift.id, until: Self.morning.addingTimeInterval(60))
            #expect(activity.cashMovements.map(\.direction) == [.into, .outOf])
            #expect(activity.cashMovements.map(\.reason) == ["change from the bank", "drop to the safe"])
            #expect(activity.drawerOpenings.map(\.reason) == ["customer wanted change"])
        }
    }

    @Test("a payment held at the close and settled in the next shift is that shift's, as settled from earlier", arguments: StoreKind.available)
    func settledFromEarlier(kind: StoreKind) async throws {
        try await StoreFixture.with(kind) { fixture in
            let store = fixture.store
            let first = try #require(try await store.currentShift(counter: "counter-1"))
            let held = try await fixture.payment("S1", in: .held)
            let paid = try await fixture.payment("S2", in: .paid, username: "duecustomer")
            let closeTime = Self.morning.addingTimeInterval(3600)
            _ = try await store.closeShift(Self.closing(first, at: closeTime), report: Self.echo)
            guard case .opened(let second) = try await store.openShift(Self.opening("counter-1", at: closeTime.addingTimeInterval(60))) else {
                Issue.record("second shift"); return
            }
            _ = try await store.recordLookup(
                held.reference, found: .resolved(.paid, transactionID: "7"), evidence: PaymentEvidence(note: "paid"),
                at: closeTime.addingTimeInterval(600))
            let activity = try await store.shiftActivity(id: second.id, until: closeTime.addingTimeInterval(3600))
            #expect(activity.payments.isEmpty)
            #expect(activity.settledFromEarlier.map(\.reference) == [held.reference])
            #expect(activity.earlierShiftNumbers[first.id] == 1)
            let firstActivity = try await store.shiftActivity(id: first.id, until: closeTime.addingTimeInterval(3600))
            #expect(Set(firstActivity.payments.map(\.reference)) == [held.reference, paid.reference])
            #expect(firstActivity.settledFromEarlier.isEmpty)
            // Settled while no shift was open: it belongs to the next shift.
            let night = try await fixture.payment("S3", in: .held, username: "expired", at: closeTime.addingTimeInterval(120))
            let secondClose = closeTime.addingTimeInterval(7200)
            _ = try await store.closeShift(Self.closing(second, at: secondClose), report: Self.echo)
            _ = try await store.recordLookup(
                night.reference, found: .resolved(.notReceived, transactionID: nil), evidence: PaymentEvidence(note: "002"),
                at: secondClose.addingTimeInterval(600))
            guard case .opened(let third) = try await store.openShift(Self.opening("counter-1", at: secondClose.addingTimeInterval(3600))) else {
                Issue.record("third shift"); return
            }
            let thirdActivity = try await store.shiftActivity(id: third.id, until: secondClose.addingTimeInterval(7200))
            #expect(thirdActivity.settledFromEarlier.map(\.reference) == [night.reference])
            // The first shift's kept report is as it was at the close.
            #expect(try await store.shift(id: first.id)?.closingReport?.note == "S1,S2")
        }
    }
}
