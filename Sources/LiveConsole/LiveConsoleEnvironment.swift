import ArrownetDomain
import ConsoleCore
import ConsoleRuntime
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// The console's environment in the real world: Khalti through `api`, payments and
/// held payments through `desk` (and its journal), receipts through `printer`.
public enum LiveConsoleEnvironment {
    /// How far back the customer's paid payments are read for the account screen,
    /// which picks today's in its own calendar. Wider than any day, so the desk's
    /// calendar never decides what the clerk is warned about.
    static let recentPaymentsWindow: TimeInterval = 2 * 24 * 3600

    /// - Parameters:
    ///   - counter: this counter's name, whose shift the console opens and closes.
    ///   - clock: the console's clock; the desk was built with the same one.
    ///   - calendar: the console's (`ConsoleState.calendar`), for times in sentences.
    ///   - discardTypeahead: the terminal's `flushinp`; tests pass `{}`.
    ///   - sleep: waits between progress ticks.
    public static func make(
        api: KhaltiAPI, desk: PaymentDesk, printer: ReceiptPrinter, counter: String,
        clock: @escaping @Sendable () -> Date = Date.init, calendar: CounterCalendar = CounterCalendar.nepal,
        discardTypeahead: @escaping @Sendable () -> Void,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) -> ConsoleEnvironment {
        let looked = LookupPositions()
        let payment = DeskPayment(desk: desk, calendar: calendar, clock: clock, looked: looked)
        let held = HeldLookup(desk: desk)
        let shifts = DeskShifts(desk: desk, counter: counter, printer: printer, calendar: calendar)
        let drawer = CashDrawer(desk: desk, printer: printer, counter: counter)
        var environment = ConsoleEnvironment(
            now: clock,
            fetchAccount: { username throws(ConsoleError) in
                do throws(KhaltiError) {
                    return try await api.accountDetails(for: username)
                } catch {
                    throw ConsoleError(khalti: error, username: username)
                }
            },
            customerPayments: { username throws(ConsoleError) in
                do throws(JournalError) {
                    // Taken before the read: whatever is paid after it, the clerk has not seen.
                    let seen = try await desk.journalPosition()
                    let open = try await desk.openPayment(for: username)
                    let paid = try await desk.paidPayments(username, since: clock().addingTimeInterval(-recentPaymentsWindow))
                    looked.record(seen, for: username)
                    return (open.map { [$0] } ?? []) + paid
                } catch {
                    throw ConsoleError(journal: error)
                }
            },
            pay: { order in await payment.pay(order) },
            heldPayments: { () throws(ConsoleError) in
                do throws(JournalError) {
                    return try await desk.heldPayments()
                } catch {
                    throw ConsoleError(journal: error)
                }
            },
            lookUpHeld: { references throws(ConsoleError) in try await held.lookUp(references) },
            nextHeldLookup: { await held.nextLookup() },
            reconcileDue: { await held.reconcileDue() },
            balance: { () throws(ConsoleError) in
                do throws(KhaltiError) {
                    // After a payment whose answer reported the balance, that figure, without a call.
                    return try await api.latestBalance()
                } catch {
                    throw ConsoleError(khalti: error)
                }
            },
            printReceipt: { receipt, kickDrawer throws(ConsoleError) in try await drawer.print(receipt, kickDrawer: kickDrawer) },
            openDrawer: { reason, operatorName throws(ConsoleError) in try await drawer.open(reason, operatorName: operatorName) },
            currentShift: { () throws(ConsoleError) in try await shifts.current() },
            openShift: { name, float throws(ConsoleError) in try await shifts.open(operatorName: name, float: float) },
            shiftReport: { id throws(ConsoleError) in try await shifts.report(shiftID: id) },
            closeShift: { counted, note in await shifts.close(counted: counted, note: note) },
            printShiftReport: { report throws(ConsoleError) in try await shifts.print(report) },
            discardTypeahead: discardTypeahead,
            sleep: sleep
        )
        // The journal's clock against the desk's (the console's); the header says when they drift.
        environment.clockDrift = { try? await desk.clockDrift() }
        return environment
    }
}
