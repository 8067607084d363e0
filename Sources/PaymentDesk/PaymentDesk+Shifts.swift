import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentJournal

extension PaymentDesk {
    /// Opens a shift at the counter with the cash in the drawer, noting the Khalti
    /// balance (nil when Khalti cannot say; the shift opens all the same).
    public func openShift(counter: String, operator operatorName: String, float: Money) async throws(JournalError) -> ShiftOpened {
        let balance = try? await gateway.balance()
        return try await store.openShift(
            ShiftOpening(counter: counter, operatorName: operatorName, openingFloat: float, openingBalance: balance, at: clock()))
    }

    public func currentShift(counter: String) async throws(JournalError) -> Shift? {
        try await store.currentShift(counter: counter)
    }

    public func shift(id: Int64) async throws(JournalError) -> Shift? {
        try await store.shift(id: id)
    }

    public func shifts(counter: String?, since: Date?) async throws(JournalError) -> [Shift] {
        try await store.shifts(counter: counter, since: since)
    }

    /// The shift's report: the X report of an open shift (figures now, the Khalti
    /// balance asked now), or the Z report kept since its close.
    public func report(shiftID: Int64) async throws(JournalError) -> ShiftReport {
        guard let shift = try await store.shift(id: shiftID) else { throw .unknownShift(shiftID) }
        if let kept = shift.closingReport { return kept }
        let now = clock()
        let balance = try? await gateway.balance()
        return ShiftReporter.report(try await store.shiftActivity(id: shiftID, until: now), balanceNow: balance, takenAt: now)
    }

    /// Counts the drawer and closes the counter's open shift: the Z report is made from
    /// the journal in the closing transaction and kept with the shift. Refused while a
    /// payment of the shift is on its way.
    public func closeShift(counter: String, counted: Money, note: String?) async throws(JournalError) -> Shift {
        guard let shift = try await store.currentShift(counter: counter) else { throw .noOpenShift(counter: counter) }
        let balance = try? await gateway.balance()
        let now = clock()
        let trimmedNote = note.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        return try await store.closeShift(
            ShiftClosing(shiftID: shift.id, countedCash: counted, closingBalance: balance, note: trimmedNote, at: now)
        ) { activity in
            ShiftReporter.report(activity, countedCash: counted, note: trimmedNote, balanceNow: balance, takenAt: now, closingAt: now)
        }
    }

    /// Cash put into the drawer or taken out, with who and why, in the counter's open shift.
    public func moveCash(
        counter: String, _ direction: CashMovement.Direction, amount: Money, reason: String, operator operatorName: String
    ) async throws(JournalError) -> CashMovement {
        try await store.recordCashMovement(
            NewCashMovement(counter: counter, direction: direction, amount: amount, reason: reason, operatorName: operatorName, at: clock()))
    }

    /// Notes that the counter's cash drawer opened, and why.
    public func noteDrawerOpened(
        counter: String, reason: String, reference: PaymentReference? = nil, operator operatorName: String
    ) async throws(JournalError) -> DrawerOpening {
        try await store.recordDrawerOpening(
            NewDrawerOpening(counter: counter, at: clock(), reason: reason, reference: reference, operatorName: operatorName))
    }
}
