import ArgumentParser
import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentJournal

struct ShiftReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The X report of the open shift (it stays open), or of any shift with --shift (a closed one's Z report).")

    @Option(name: .long, help: "The shift's id (see arrownet shift list); default: this counter's open shift.")
    var shift: Int64?

    @Flag(name: .customLong("all-counters"), help: "Every counter's shifts of one day (--date), each and in total: the branch's day.")
    var allCounters = false

    @Option(name: .long, help: "With --all-counters: the day, YYYY-MM-DD in Nepal time, or 'today' (default).")
    var date: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    @Flag(name: .long, help: "Print CSV: section, item, count, amount.")
    var csv = false

    @Flag(name: .long, help: "Also print it through the receipt printer path (files, print command or printer).")
    var print = false

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        if json && csv { throw ValidationError("Choose --json or --csv, not both.") }
        if allCounters && shift != nil { throw ValidationError("--all-counters reports a day; --shift one shift. Choose one.") }
        if date != nil && !allCounters { throw ValidationError("--date goes with --all-counters.") }
        if allCounters && (csv || print) { throw ValidationError("--all-counters prints text or --json.") }
    }

    func run() async throws {
        if allCounters { return try await BranchDay(connection: connection, date: date, json: json).run() }
        let settings = try ShiftAccess.settings(connection)
        let counter = CounterIdentity.counter(settings)
        let environment = settings.connection.environment
        let report = try await ShiftAccess.withDesk(connection) { _, desk in
            let id: Int64
            if let shift {
                id = shift
            } else {
                guard let open = try await ShiftAccess.call({ () throws(JournalError) in try await desk.currentShift(counter: counter) }) else {
                    throw ShiftAccess.exit(.noOpenShift(counter: counter))
                }
                id = open.id
            }
            return try await ShiftAccess.call { () throws(JournalError) in try await desk.report(shiftID: id) }
        }
        if json {
            Terminal.standardError.write(environment.banner + "\n")
            Terminal.standardOutput.write(PaymentReport.json(ShiftReportJSON.object(report)) + "\n")
        } else if csv {
            Terminal.standardError.write(environment.banner + "\n")
            Terminal.standardOutput.write(ShiftReportJSON.csv(report))
        } else {
            Terminal.standardOutput.write(environment.banner + "\n\n" + ShiftReportLayout.document(for: report, environment: environment).text)
        }
        if print { Terminal.standardError.write(await ShiftAccess.print(report, settings: settings) + "\n") }
    }
}
