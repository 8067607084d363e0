import ArgumentParser
import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiClient
import LiveConsole
import PaymentDesk
import PaymentJournal

/// What every `shift` subcommand needs: the settings, the counter, a desk over Khalti
/// (for the balance) and the journal, and the way journal errors become exit codes.
enum ShiftAccess {
    static func settings(_ connection: ConnectionOptions) throws -> ConsoleSettings {
        do { return try SettingsLoader().load(baseURLFlag: connection.baseURL) } catch {
            throw fail(error.description, code: ExitCodes.usage)
        }
    }

    /// Runs `body` with a desk over a Khalti session and the journal, closing both.
    static func withDesk<T>(_ connection: ConnectionOptions, _ body: (KhaltiSession, PaymentDesk) async throws -> T) async throws -> T {
        let session = try await KhaltiSession.open(connection)
        return try await session.run { session in
            try await withJournal { store in try await body(session, JournalAccess.desk(session, store: store)) }
        }
    }

    /// Opens the cash drawer for counting when the counter has one (`drawer = kick`), and
    /// records the opening in the open shift, so its Z report counts it. Says what happened.
    static func openDrawerForCount(settings: ConsoleSettings, desk: PaymentDesk, counter: String, operator operatorName: String) async -> String? {
        guard let printer = try? ReceiptJob.printer(settings), printer.opensDrawer else { return nil }
        do {
            _ = try await printer.openDrawer()
        } catch {
            return "The drawer did not open for counting: \(error.reason)"
        }
        _ = try? await desk.noteDrawerOpened(counter: counter, reason: NewDrawerOpening.forCount, operator: operatorName)
        return "The drawer opened for counting."
    }

    /// A journal error as its sentence and exit code.
    static func exit(_ error: JournalError) -> CommandFailure {
        let code: Int32 = switch error {
        case .noOpenShift: ExitCodes.noOpenShift
        case .paymentsOnTheirWay: ExitCodes.paymentOnItsWay
        case .unknownShift: ExitCodes.notFound
        case .shiftClosed: ExitCodes.refused
        default: ExitCodes.journal
        }
        return fail(error.description, code: code)
    }

    /// Runs a journal call, leaving with the error's exit code when it fails.
    static func call<T>(_ body: () async throws(JournalError) -> T) async throws -> T {
        do throws(JournalError) {
            return try await body()
        } catch {
            throw exit(error)
        }
    }

    /// An amount as the clerk typed it, or exit 64 with why not.
    static func amount(_ text: String, option: String) throws -> Money {
        do {
            let amount = try Money(typed: text)
            return amount
        } catch {
            throw fail("\(option) \(text.prefix(30)): \(error.description). Type rupees, e.g. 5000 or 5,000.50.", code: ExitCodes.usage)
        }
    }

    /// Prints a report through the receipt printer path the settings describe (files, the
    /// print command, an ESC/POS printer), and says where it went; a printer failure is
    /// said and changes nothing.
    static func print(_ report: ShiftReport, settings: ConsoleSettings) async -> String {
        let printer: ReceiptPrinter
        do { printer = try ReceiptJob.printer(settings) } catch { return "The report was not printed: \(error.message)" }
        let document = ShiftReportLayout.document(
            for: report, environment: settings.connection.environment, bsCalendar: settings.bikramSambatForPeople)
        do {
            return "Report \(try await printer.print(document, fileName: ShiftReportLayout.fileName(for: report)))."
        } catch {
            return "The report was not printed: \(error.reason) \(error.nextStep)"
        }
    }
}
