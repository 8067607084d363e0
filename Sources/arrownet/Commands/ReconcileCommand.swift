import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// `arrownet reconcile`: recover what a dead run left, look up held payments that are due.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Look up held payments at Khalti and record what they became; prints what changed.",
        discussion: """
            A held payment is looked up no sooner than 5 minutes after it was sent, then on a growing \
            interval; --now looks up every held payment at once (support). Nothing is ever resent. \
            Exit codes: 0 every due lookup answered; 4 token or account problem; 5 some lookups failed \
            (those payments are unchanged); 11 journal unusable.
            """
    )

    @Flag(name: .long, help: "Ignore the delay and look up every held payment now.")
    var now = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let session = try await KhaltiSession.open(connection)
        Terminal.standardOutput.write(session.banner + "\n")
        let (report, recovered, held) = try await session.run { session in
            try await withJournal { store in
                let desk = JournalAccess.desk(session, store: store)
                let recovered = try await journalCall { try await desk.recoverAtStart(counter: session.counterName) }
                let report = await desk.reconcile(schedule: now ? .all : .due)
                let held = try await journalCall { try await store.heldPayments(in: nil) }
                return (report, recovered, held)
            }
        }
        if let problem = report.journalProblem { throw fail(problem, code: ExitCodes.journal) }
        Terminal.standardOutput.write(Self.text(report, recovered: recovered + report.recovered, held: held))
        if report.failures.contains(where: { $0.kind == .tokenOrAccount }) { throw ExitCode(ExitCodes.tokenOrAccount) }
        if !report.failures.isEmpty { throw ExitCode(ExitCodes.unavailable) }
    }

    static func text(_ report: ReconcileReport, recovered: [PaymentChange], held: [PaymentRecord]) -> String {
        var lines: [String] = []
        for change in recovered { lines.append("RECOVERED " + PaymentReport.change(change)) }
        for change in report.changes { lines.append("CHANGED   " + PaymentReport.change(change)) }
        for summary in report.stillHeld {
            lines.append("STILL HELD \(summary.reference.value)  \(summary.username.value)  \(summary.amount.formatted)"
                + (summary.nextLookupAt.map { ", next lookup no sooner than \(PaymentReport.time($0, .current))" } ?? ""))
        }
        for failure in report.failures {
            lines.append("UNCHANGED \(failure.payment.reference.value)  \(failure.payment.username.value): lookup failed. \(failure.problem)")
        }
        if lines.isEmpty { lines.append("Nothing changed.") }
        let attention = held.filter { $0.attention != nil }
        if !attention.isEmpty {
            lines.append("")
            lines.append("\(attention.count) held payment(s) need a person (see arrownet status REFERENCE):")
            for record in attention { lines.append("  \(record.reference.value)  \(record.username.value): \(record.attention ?? "")") }
        }
        let waiting = held.filter { $0.attention == nil }
        if !waiting.isEmpty {
            lines.append("")
            lines.append("\(waiting.count) payment(s) still held; keep their cash aside:")
            for record in waiting {
                lines.append("  \(record.reference.value)  \(record.username.value)  \(record.amount.formatted)  (\(record.khaltiEnvironment))"
                    + (record.nextLookupAt.map { ", next lookup no sooner than \(PaymentReport.time($0, .current))" } ?? ""))
            }
        }
        return "\n" + lines.joined(separator: "\n") + "\n"
    }
}
