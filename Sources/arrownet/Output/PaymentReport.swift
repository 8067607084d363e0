import ArrownetDomain
import ConsoleCore
import Foundation
import KhaltiClient
import PaymentDesk
import PaymentJournal

/// How `pay`, `status`, `history`, `reconcile`, `resolve` and `receipt` show payments:
/// cards and tables for people, JSON and CSV for programs (amounts as decimal strings,
/// times in Nepal time as `NepalTime` writes them, states as `StateNames` spells them).
enum PaymentReport {
    /// One payment, field by field, with what to do with the cash. Its times are Nepal
    /// time; the caller labels the output once (`NepalTime.note`).
    static func card(_ record: PaymentRecord, time: NepalTime) -> String {
        var lines = [
            AccountReport.row("Reference", record.reference.value),
            AccountReport.row("Customer", "\(ShownText.name(record.customerName)) (\(record.username.value))"),
            AccountReport.row("Plan", record.duration.label),
            AccountReport.row("Amount", record.amount.formatted),
            AccountReport.row("State", record.state.label),
            AccountReport.row("Cash", record.state.cashInstruction),
        ]
        if let attention = record.attention {
            lines.append(AccountReport.row("ATTENTION", "A person must decide: \(attention)"))
        }
        if let id = record.transactionID { lines.append(AccountReport.row("Khalti id", id)) }
        lines.append(AccountReport.row("Taken", "\(time.dayAndTime(record.createdAt)) at \(record.counter) by \(record.operatorName)"))
        if let resolved = record.resolvedAt { lines.append(AccountReport.row("Resolved", time.dayAndTime(resolved))) }
        if record.state == .held || record.lookupCount > 0 {
            var lookups = "\(record.lookupCount)"
            if let next = record.nextLookupAt { lookups += ", next no sooner than \(time.dayAndTime(next))" }
            lines.append(AccountReport.row("Lookups", lookups))
        }
        lines.append(AccountReport.row("Khalti", record.khaltiEnvironment))
        lines.append(AccountReport.row("Account", AccountWords.shown(record.khaltiAccount)))
        return lines.joined(separator: "\n") + "\n"
    }

    static func events(_ events: [PaymentEvent], time: NepalTime) -> String {
        events.map { event in
            var line = "  \(time.short(event.at))  \(event.from.map { "\($0.label) -> " } ?? "")\(event.to.label): \(event.evidence.note)"
            var cause: [String] = []
            if let status = event.evidence.httpStatus { cause.append("HTTP \(status)") }
            if let code = event.evidence.errorCode { cause.append("code \(code)") }
            if let text = event.evidence.khaltiText { cause.append("Khalti: \(text)") }
            if !cause.isEmpty { line += " [\(cause.joined(separator: "; "))]" }
            // One line per event, whatever a note or Khalti's words hold.
            return OutsideText.line(line)
        }.joined(separator: "\n") + "\n"
    }

    static func historyTable(_ records: [PaymentRecord], time: NepalTime) -> String {
        guard !records.isEmpty else { return "No payments match.\n" }
        var cells = [["Taken (\(NepalTime.label))", "Reference", "Customer", "Plan", "Amount", "State", "Counter"]]
        for record in records {
            cells.append([
                time.short(record.createdAt), record.reference.value, record.username.value, record.duration.label,
                record.amount.formatted, record.attention == nil ? record.state.label : "\(record.state.label) (ATTENTION)",
                ShownText.inTable(record.counter),
            ])
        }
        return AccountReport.aligned(cells, rightAligned: [4]).joined(separator: "\n") + "\n"
    }

    /// One line per change, for `reconcile` and the start-up notes.
    static func change(_ change: PaymentChange) -> String {
        let after = change.after
        return OutsideText.line(
            "\(after.reference.value)  \(after.username.value)  \(after.amount.formatted)  "
                + "\(change.before.label) -> \(after.state.label): \(change.note)")
    }

    /// `2026-12-02 11:17` in Nepal time, as the console shows it (the shift commands).
    static func nepalTime(_ date: Date) -> String {
        ClerkDates.dayAndTime(date, in: .nepal)
    }

    // MARK: Machine forms

    /// A record's times, by the name of their JSON field.
    static func times(_ record: PaymentRecord) -> [(name: String, date: Date?)] {
        [("created_at", record.createdAt), ("sent_at", record.sentAt), ("resolved_at", record.resolvedAt), ("next_lookup_at", record.nextLookupAt)]
    }

    /// The record as the README documents it, for a JSON object that holds it (`status`,
    /// `pay`, `resolve`, `receipt`): the same fields and values as `history --json`.
    static func jsonObject(_ record: PaymentRecord, time: NepalTime) -> [String: Any] {
        let data = (try? JSONEncoder().encode(PaymentJSON(record, time: time))) ?? Data("{}".utf8)
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// `history --json`: the records as one array, encoded as typed values rather than
    /// dictionaries of `Any`, which took most of the time for a long history.
    static func jsonArray(_ records: [PaymentRecord], time: NepalTime) -> String {
        AccountReport.encode(records.map { PaymentJSON($0, time: time) })
    }

    /// Escaped for a terminal (`JSONText`).
    static func json(_ value: Any) -> String {
        JSONText.serialize(value)
    }

    /// The CSV columns: the JSON's fields, times as `YYYY-MM-DD HH:MM:SS` in Nepal time
    /// under `<name>_npt`, and their Bikram Sambat days under `<name>_bs`.
    static let columns = [
        "reference", "khalti", "username", "customer_name", "months", "amount", "counter", "operator", "state",
        "transaction_id", "created_at_npt", "created_at_bs", "sent_at_npt", "sent_at_bs", "resolved_at_npt", "resolved_at_bs",
        "next_lookup_at_npt", "next_lookup_at_bs", "lookups", "attention", "shift_id",
    ]

    /// One row, in the order of `columns`.
    static func csvRow(_ record: PaymentRecord, time: NepalTime) -> [String] {
        var row = [
            record.reference.value, record.khaltiEnvironment, record.username.value, record.customerName,
            String(record.duration.months), record.amount.wireString, record.counter, record.operatorName,
            StateNames.name(record.state), record.transactionID ?? "",
        ]
        for (_, date) in times(record) {
            row.append(date.map(time.csv) ?? "")
            row.append(date.flatMap(time.bs) ?? "")
        }
        row += [String(record.lookupCount), record.attention ?? "", record.shiftID.map { String($0) } ?? ""]
        return row
    }

    static func csv(_ records: [PaymentRecord], time: NepalTime) -> String {
        var text = CSV.line(columns)
        for record in records { text += CSV.line(csvRow(record, time: time)) }
        return text
    }
}

/// One payment as JSON (README "JSON fields"): absent values are null, never left out.
/// Each time is ISO 8601 in Nepal time with its offset, with its Bikram Sambat day beside
/// it in `<name>_bs` (null outside the table).
struct PaymentJSON: Encodable {
    let record: PaymentRecord
    let time: NepalTime

    init(_ record: PaymentRecord, time: NepalTime) {
        self.record = record
        self.time = time
    }

    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        func put(_ name: String, _ value: String?) throws {
            if let value { try container.encode(value, forKey: Key(name)) } else { try container.encodeNil(forKey: Key(name)) }
        }
        try put("reference", record.reference.value)
        try put("khalti", record.khaltiEnvironment)
        // A prefix of the fingerprint: enough to tell accounts apart, no more.
        try put("khalti_account", record.khaltiAccount.map(KhaltiAccount.short))
        try put("username", record.username.value)
        try put("customer_name", record.customerName)
        try container.encode(record.duration.months, forKey: Key("months"))
        try put("amount", record.amount.wireString)
        try put("counter", record.counter)
        try put("operator", record.operatorName)
        try put("state", StateNames.name(record.state))
        try put("transaction_id", record.transactionID)
        try container.encode(record.lookupCount, forKey: Key("lookups"))
        try put("attention", record.attention)
        if let shift = record.shiftID { try container.encode(shift, forKey: Key("shift_id")) } else { try container.encodeNil(forKey: Key("shift_id")) }
        for (name, date) in PaymentReport.times(record) {
            try put(name, date.map(time.iso))
            try put(name + "_bs", date.flatMap(time.bs))
        }
    }
}

/// RFC 4180 CSV: a field with a comma, quote or line end is quoted. A leading =, +, -
/// or @ is prefixed with ' so a spreadsheet does not run a customer's name as a formula.
/// Every field is safe text first (`OutsideText.lines`): its line ends stay, quoted, as
/// RFC 4180 allows, and every other control, DEL, C1 control or bidirectional override
/// is `?`, so no field can act on a terminal that shows the file.
enum CSV {
    static func field(_ text: String) -> String {
        var value = OutsideText.lines(text)
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
