import ArgumentParser
import ArrownetDomain
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// `arrownet reconcile`: recover what a dead run left, look up held payments that are due,
/// and catch paid payments Khalti has since refunded.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Look up held payments at Khalti and record what they became; prints what changed.",
        discussion: """
            A held payment is looked up no sooner than 5 minutes after it was sent, then on a growing \
            interval; --now looks up every held payment at once (support), and also today's paid payments, \
            to catch one Khalti refunded after it was paid (it is flagged for a person: history --attention). \
            --paid-since DATE checks paid payments since DATE (Nepal days). Only payments sent to the \
            Khalti this command is set up for are looked up; held payments sent elsewhere are named. \
            Nothing is ever resent. Times are Nepal time (NPT). \
            Exit codes: 0 every lookup answered; 4 token or account problem; 5 some lookups failed \
            (those payments are unchanged); 11 journal unusable; 64 usage error.
            """
    )

    @Flag(name: .long, help: "Ignore the delay and look up every held payment now; check today's paid payments for refunds.")
    var now = false

    @Option(name: .customLong("paid-since"), help: "Check paid payments taken since DATE for refunds (YYYY-MM-DD in Nepal, today, yesterday, bs:YYYY-MM-DD).")
    var paidSince: String?

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let settings = try CommandSettings.load(connection)
        let time = NepalTime(settings)
        let startedAt = Date()
        var checkPaidSince: Date?
        if let paidSince {
            checkPaidSince = DateArgument.start(try DateArgument.parse(paidSince, option: "--paid-since", now: startedAt, time: time), time: time)
        } else if now {
            checkPaidSince = time.calendar.startOfDay(for: startedAt)
        }
        LogSetup.bootstrap()
        let session = try await KhaltiSession.open(settings)
        Terminal.standardOutput.write(session.banner + "\n")
        let (report, recovered, held, paidCheck) = try await session.run { session in
            try await withJournal { store in
                let desk = JournalAccess.desk(session, store: store)
                let recovered = try await journalCall { try await desk.recoverAtStart(counter: session.counterName) }
                let report = await desk.reconcile(schedule: now ? .all : .due)
                var paidCheck: PaidRefundCheck.Report?
                if let checkPaidSince, report.journalProblem == nil {
                    paidCheck = try await PaidRefundCheck(desk: desk, store: store).run(since: checkPaidSince)
                }
                let held = try await journalCall { try await store.heldPayments(in: nil) }
                return (report, recovered, held, paidCheck)
            }
        }
        if let problem = report.journalProblem { throw fail(problem, code: ExitCodes.journal) }
        let output = ReconcileText(time: time, here: session.khalti, account: session.api.accountFingerprint(in: session.khalti.journalKey))
        Terminal.standardOutput.write(
            output.text(report, recovered: recovered + report.recovered, held: held, paidCheck: paidCheck, since: checkPaidSince))
        let kinds = report.failures.map(\.kind) + (paidCheck?.failures.map(\.kind) ?? [])
        if kinds.contains(.tokenOrAccount) { throw ExitCode(ExitCodes.tokenOrAccount) }
        if !kinds.isEmpty { throw ExitCode(ExitCodes.unavailable) }
    }
}

/// What `reconcile` prints: what changed, then what still waits, and where.
struct ReconcileText {
    let time: NepalTime
    /// The Khalti this run asked.
    let here: KhaltiEnvironment
    /// The fingerprint of the Khalti account this run's token is.
    let account: String

    func text(
        _ report: ReconcileReport, recovered: [PaymentChange], held: [PaymentRecord], paidCheck: PaidRefundCheck.Report?, since: Date?
    ) -> String {
        var lines: [String] = []
        var showsTimes = false
        for change in recovered { lines.append("RECOVERED " + PaymentReport.change(change)) }
        for change in report.changes { lines.append("CHANGED   " + PaymentReport.change(change)) }
        for summary in paidCheck?.flagged ?? [] {
            lines.append("FLAGGED   \(summary.reference.value)  \(summary.username.value)  \(summary.amount.formatted)  PAID: \(summary.attention ?? "")")
        }
        for summary in report.stillHeld {
            lines.append("STILL HELD \(summary.reference.value)  \(summary.username.value)  \(summary.amount.formatted)"
                + (summary.nextLookupAt.map { ", next lookup no sooner than \(time.short($0))" } ?? ""))
            showsTimes = showsTimes || summary.nextLookupAt != nil
        }
        for failure in report.failures {
            lines.append("UNCHANGED \(failure.payment.reference.value)  \(failure.payment.username.value): lookup failed. \(failure.problem)")
        }
        for failure in paidCheck?.failures ?? [] {
            lines.append("UNCHECKED \(failure.payment.reference.value)  \(failure.payment.username.value): refund check failed. \(failure.problem)")
        }
        if lines.isEmpty { lines.append("Nothing changed.") }
        if let paidCheck, let since {
            lines.append("")
            lines.append("Checked \(paidCheck.checked) paid payment(s) taken since \(time.short(since)) for refunds: "
                + (paidCheck.flagged.isEmpty ? "none was refunded." : "\(paidCheck.flagged.count) refunded after it was paid, flagged for a person."))
            showsTimes = true
        }

        let elsewhere = Dictionary(grouping: held.filter { $0.khaltiEnvironment != here.journalKey }, by: \.khaltiEnvironment)
        for environment in elsewhere.keys.sorted() {
            let records = elsewhere[environment] ?? []
            lines.append("")
            lines.append("\(records.count) held payment(s) went to \(environment) and were not looked up by this run, which asks \(here.journalKey). "
                + "Look them up there: \(Self.command(for: environment)).")
            for record in records {
                lines.append("  \(record.reference.value)  \(record.username.value)  \(record.amount.formatted)")
            }
        }
        let sameKhalti = held.filter { $0.khaltiEnvironment == here.journalKey }
        // Khalti answers "unknown reference" to another account: those wait for their own token.
        let otherAccount = sameKhalti.filter { $0.khaltiAccount != nil && $0.khaltiAccount != account }
        if !otherAccount.isEmpty {
            lines.append("")
            lines.append("\(otherAccount.count) held payment(s) were not looked up by this run; keep their cash aside:")
            for record in otherAccount {
                lines.append("  \(record.reference.value)  \(record.username.value)  \(record.amount.formatted): "
                    + AccountWords.heldUnderAnotherAccount(record.khaltiAccount ?? "") + ".")
            }
        }
        let mine = sameKhalti.filter { $0.khaltiAccount == nil || $0.khaltiAccount == account }
        let attention = mine.filter { $0.attention != nil }
        if !attention.isEmpty {
            lines.append("")
            lines.append("\(attention.count) held payment(s) need a person (see arrownet status REFERENCE; settle with arrownet resolve):")
            for record in attention { lines.append("  \(record.reference.value)  \(record.username.value): \(record.attention ?? "")") }
        }
        let waiting = mine.filter { $0.attention == nil }
        if !waiting.isEmpty {
            lines.append("")
            lines.append("\(waiting.count) payment(s) still held; keep their cash aside:")
            for record in waiting {
                lines.append("  \(record.reference.value)  \(record.username.value)  \(record.amount.formatted)"
                    + (record.nextLookupAt.map { ", next lookup no sooner than \(time.short($0))" } ?? ""))
                showsTimes = showsTimes || record.nextLookupAt != nil
            }
        }
        if showsTimes {
            lines.append("")
            lines.append(NepalTime.note)
        }
        // Each entry one line, whatever a note, an attention or Khalti's words hold.
        return "\n" + lines.map { OutsideText.line($0) }.joined(separator: "\n") + "\n"
    }

    /// The command that looks up payments filed under a journal's word for a Khalti.
    static func command(for environment: String) -> String {
        switch environment {
        case KhaltiEnvironment.sandbox.journalKey:
            "arrownet reconcile with no token and no base URL configured (the embedded sandbox)"
        case let local where local.hasPrefix("local "):
            "arrownet reconcile --base-url \(local.dropFirst(6))"
        default:
            "arrownet reconcile --base-url \(environment) (with that Khalti's token)"
        }
    }
}
