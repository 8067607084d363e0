import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentDesk
import PaymentJournal

/// The counter's shift through the payment desk: open, X report, close, and the reports
/// printed through the receipt printer path (the same printer, command or files).
struct DeskShifts: Sendable {
    let desk: PaymentDesk
    let counter: String
    let printer: ReceiptPrinter
    let calendar: CounterCalendar

    func current() async throws(ConsoleError) -> ShiftReport.ShiftInfo? {
        do throws(JournalError) {
            return try await desk.currentShift(counter: counter)?.info
        } catch {
            throw ConsoleError(journal: error)
        }
    }

    func open(operatorName: String, float: Money) async throws(ConsoleError) -> ShiftOpenAnswer {
        do throws(JournalError) {
            switch try await desk.openShift(counter: counter, operator: operatorName, float: float) {
            case .opened(let shift): return .opened(shift.info)
            case .alreadyOpen(let shift): return .alreadyOpen(shift.info)
            }
        } catch {
            throw ConsoleError(journal: error)
        }
    }

    func report(shiftID: Int64) async throws(ConsoleError) -> ShiftReport {
        do throws(JournalError) {
            return try await desk.report(shiftID: shiftID)
        } catch {
            throw ConsoleError(journal: error)
        }
    }

    /// Closes the counter's open shift; the Z report is the one the journal keeps with it.
    func close(counted: Money, note: String?) async -> ShiftCloseAnswer {
        let shift: Shift
        do throws(JournalError) {
            shift = try await desk.closeShift(counter: counter, counted: counted, note: note)
        } catch {
            if case .noOpenShift = error { return .noOpenShift }
            return .refused(ConsoleError(journal: error))
        }
        if let report = shift.closingReport { return .closed(report) }
        do throws(JournalError) {
            return .closed(try await desk.report(shiftID: shift.id))
        } catch {
            return .refused(ConsoleError(
                kind: .unavailable, reason: "Shift \(shift.number) closed, but its Z report could not be read (\(error.description)).",
                nextStep: "Call support: arrownet shift report --shift \(shift.id) prints it."))
        }
    }

    /// Prints the report as the printer prints receipts; without a printer it is saved
    /// beside the receipts (`2026-12-02_Counter1_shift3_Z.txt`).
    func print(_ report: ShiftReport) async throws(ConsoleError) -> String {
        let document = ShiftReportLayout.document(
            for: report, environment: desk.environment, calendar: calendar, bsCalendar: printer.bsCalendar)
        return try await printer.print(document, fileName: ShiftReportLayout.fileName(for: report, calendar: calendar))
    }
}
