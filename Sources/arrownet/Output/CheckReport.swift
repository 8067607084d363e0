import ArrownetDomain
import Foundation
import KhaltiClient

/// How `arrownet check` shows what it found: a table for the person deciding whether the
/// shop may go live, one JSON object for a script. Both say the same, in the same words:
/// the form the lookups were sent in, and whether a paid reference read PAID.
enum CheckReport {
    /// Widest answer and reading in the table; JSON has them whole (cut at 240 by the probe).
    static let shapeColumns = 56
    static let readingColumns = 64

    static func table(_ report: PreflightReport, banner: String, payRefusal: String?, clock: JournalClockCheck) -> String {
        var cells = [["Call", "HTTP", "Answer", "Read as", "Expected", "Documented"]]
        for row in report.rows {
            cells.append([
                row.call.label,
                row.httpStatus.map(String.init) ?? "-",
                cell(row.shape, columns: shapeColumns),
                cell(row.reading.text, columns: readingColumns),
                row.call.expected,
                row.reading.documented ? "yes" : "NO",
            ])
        }
        var lines = [banner, "Check of Khalti for username \(report.username.value).", ""]
        lines += AccountReport.aligned(cells, rightAligned: [1])
        lines.append("")
        lines += references(report)
        lines.append(PreflightReport.lookupForm)
        lines.append(report.paidReferenceSentence(payRefusal: payRefusal))
        lines.append(verdict(report))
        lines.append(clock.sentence)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Every reading is the documented one.`, or the calls that are not, by name.
    static func verdict(_ report: PreflightReport) -> String {
        let failed = report.undocumented.map(\.call.label)
        if failed.isEmpty { return "Every reading is the documented one." }
        return "Not the documented reading: \(failed.joined(separator: "; ")). Do not take real money through this Khalti until "
            + "every reading is the documented one."
    }

    /// Which references were asked about: fresh ones never sent, and the one paid.
    static func references(_ report: PreflightReport) -> [String] {
        var lines: [String] = []
        if let neverSent = report.rows.first(where: { $0.call == .bulkLookupNeverSent })?.references, !neverSent.isEmpty {
            lines.append("References never sent: \(neverSent.map(\.value).joined(separator: ", ")).")
        }
        if let paid = report.rows.first(where: { $0.call == .payment })?.references.first {
            lines.append("Reference paid: \(paid.value) (not in the journal: a check's test payment is no counter's takings).")
        }
        return lines
    }

    /// Server text on one line, made safe and cut to the column.
    static func cell(_ text: String, columns: Int) -> String {
        let line = OutsideText.line(text)
        return line.count <= columns ? line : String(line.prefix(columns - 1)) + "…"
    }

    static func json(_ report: PreflightReport, khalti: KhaltiEnvironment, payRefusal: String?, clock: JournalClockCheck, exitCode: Int32) -> String {
        AccountReport.encode(Record(report, khalti: khalti, payRefusal: payRefusal, clock: clock, exitCode: exitCode))
    }

    /// `check --json` (README "JSON fields").
    struct Record: Encodable {
        let outcome: String
        let khalti: String
        let username: String
        let pay: Bool
        let lookupForm: String
        let paidReferenceCheck: String
        let paidReferenceNote: String
        let calls: [Call]
        let undocumented: [String]
        let summary: String
        /// Seconds this counter's clock is ahead of the journal's (negative: behind), null
        /// when not measured; `clock_off` beyond two minutes; `clock` the sentence.
        let clockDriftSeconds: Double?
        let clockOff: Bool
        let clock: String
        let exitCode: Int32

        enum CodingKeys: String, CodingKey {
            case outcome, khalti, username, pay, calls, undocumented, summary
            case lookupForm = "lookup_form"
            case paidReferenceCheck = "paid_reference_check"
            case paidReferenceNote = "paid_reference_note"
            case exitCode = "exit_code"
            case clockDriftSeconds = "clock_drift_seconds"
            case clockOff = "clock_off"
            case clock
        }

        init(_ report: PreflightReport, khalti: KhaltiEnvironment, payRefusal: String?, clock: JournalClockCheck, exitCode: Int32) {
            clockDriftSeconds = clock.drift.map { ($0 * 10).rounded() / 10 }
            clockOff = clock.isOff
            self.clock = clock.sentence
            outcome = report.documented ? "documented" : "not_documented"
            self.khalti = khalti.journalKey
            username = report.username.value
            pay = report.paymentAsked
            lookupForm = PreflightReport.lookupForm
            paidReferenceCheck = report.paidReferenceCheck.rawValue
            paidReferenceNote = report.paidReferenceSentence(payRefusal: payRefusal)
            calls = report.rows.map(Call.init)
            undocumented = report.undocumented.map(\.call.rawValue)
            summary = CheckReport.verdict(report)
            self.exitCode = exitCode
        }
    }

    /// One call. `request` and `http_status` are null when the call was not made or no
    /// answer came, written as null rather than left out (README "JSON fields").
    struct Call: Encodable {
        let row: PreflightRow

        enum CodingKeys: String, CodingKey {
            case call, label, request, references, shape, reading, expected, documented
            case httpStatus = "http_status"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(row.call.rawValue, forKey: .call)
            try container.encode(row.call.label, forKey: .label)
            try container.encode(row.request, forKey: .request)
            try container.encode(row.references.map(\.value), forKey: .references)
            try container.encode(row.httpStatus, forKey: .httpStatus)
            try container.encode(OutsideText.line(row.shape), forKey: .shape)
            try container.encode(OutsideText.line(row.reading.text), forKey: .reading)
            try container.encode(row.call.expected, forKey: .expected)
            try container.encode(row.reading.documented, forKey: .documented)
        }
    }
}
