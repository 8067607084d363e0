import ArrownetDomain
import ConsoleCore
import Foundation
import PaymentDesk
import PaymentJournal

/// How `pay`, `status`, `history` and `reconcile` show payments: tables for people,
/// JSON and CSV for programs (amounts as decimal strings, times ISO 8601 with offset).
enum PaymentReport {
    /// One payment, field by field, with what to do with the cash.
    static func card(_ record: PaymentRecord, calendar: Calendar = .current) -> String {
        var lines = [
            AccountReport.row("Reference", record.reference.value),
            AccountReport.row("Customer", "\(record.customerName) (\(record.username.value))"),
            AccountReport.row("Plan", record.duration.label),
            AccountReport.row("Amount", record.amount.formatted),
            AccountReport.row("State", record.state.label),
            AccountReport.row("Cash", record.state.cashInstruction),
        ]
        if let attention = record.attention {
            lines.append(AccountReport.row("ATTENTION", "A person must decide: \(attention)"))
        }
        if let id = record.transactionID { lines.append(AccountReport.row("Khalti id", id)) }
        lines.append(AccountReport.row("Taken", "\(time(record.createdAt, calendar)) at \(record.counter) by \(record.operatorName)"))
        if let resolved = record.resolvedAt { lines.append(AccountReport.row("Resolved", time(resolved, calendar))) }
        if record.state == .held || record.lookupCount > 0 {
            var lookups = "\(record.lookupCount)"
            if let next = record.nextLookupAt { lookups += ", next no sooner than \(time(next, calendar))" }
            lines.append(AccountReport.row("Lookups", lookups))
        }
        lines.append(AccountReport.row("Khalti", record.khaltiEnvironment))
        return lines.joined(separator: "\n") + "\n"
    }

    static func events(_ events: [PaymentEvent], calendar: Calendar = .current) -> String {
        events.map { event in
            var line = "  \(time(event.at, calendar))  \(event.from.map { "\($0.label) -> " } ?? "")\(event.to.label): \(event.evidence.note)"
            var cause: [String] = []
            if let status = event.evidence.httpStatus { cause.append("HTTP \(status)") }
            if let code = event.evidence.errorCode { cause.append("code \(code)") }
            if let text = event.evidence.khaltiText { cause.append("Khalti: \(text)") }
            if !cause.isEmpty { line += " [\(cause.joined(separator: "; "))]" }
            return line
        }.joined(separator: "\n") + "\n"
    }

    static func historyTable(_ records: [PaymentRecord], calendar: Calendar = .current) -> String {
        guard !records.isEmpty else { return "No payments match.\n" }
        var cells = [["Taken", "Reference", "Customer", "Plan", "Amount", "State", "Counter"]]
        for record in records {
            cells.append([
                time(record.createdAt, calendar), record.reference.value, record.username.value, record.duration.label,
                record.amount.formatted, record.attention == nil ? record.state.label : "\(record.state.label) (ATTENTION)",
                record.counter,
            ])
        }
        return AccountReport.aligned(cells, rightAligned: [4]).joined(separator: "\n") + "\n"
    }

    /// One line per change, for `reconcile` and the start-up notes.
    static func change(_ change: PaymentChange) -> String {
        let after = change.after
        return "\(after.reference.value)  \(after.username.value)  \(after.amount.formatted)  "
            + "\(change.before.label) -> \(after.state.label): \(change.note)"
    }

    /// `2026-12-02 11:17` in Nepal time, as the console shows it.
    static func nepalTime(_ date: Date) -> String {
        ClerkDates.dayAndTime(date, in: .nepal)
    }

    static func time(_ date: Date, _ calendar: Calendar) -> String {
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    // MARK: Machine forms

    static let columns = [
        "reference", "khalti", "username", "customer_name", "months", "amount", "counter", "operator", "state",
        "transaction_id", "created_at", "sent_at", "resolved_at", "lookups", "next_lookup_at", "attention", "shift_id",
    ]

    /// The record as the README documents it; absent values are JSON null, empty in CSV.
    static func fields(_ record: PaymentRecord) -> [String: String?] {
        [
            "reference": record.reference.value,
            "khalti": record.khaltiEnvironment,
            "username": record.username.value,
            "customer_name": record.customerName,
            "months": String(record.duration.months),
            "amount": record.amount.wireString,
            "counter": record.counter,
            "operator": record.operatorName,
            "state": record.state.rawValue,
            "transaction_id": record.transactionID,
            "created_at": iso(record.createdAt),
            "sent_at": record.sentAt.map(iso),
            "resolved_at": record.resolvedAt.map(iso),
            "lookups": String(record.lookupCount),
            "next_lookup_at": record.nextLookupAt.map(iso),
            "attention": record.attention,
            "shift_id": record.shiftID.map { String($0) },
        ]
    }

    static func jsonObject(_ record: PaymentRecord) -> [String: Any] {
        var object: [String: Any] = [:]
        for (key, value) in fields(record) {
            switch key {
            case "months", "lookups": object[key] = value.flatMap { Int($0) } ?? 0
            case "shift_id": object[key] = value.flatMap { Int($0) } ?? NSNull()
            default: object[key] = value ?? NSNull()
            }
        }
        return object
    }

    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func csv(_ records: [PaymentRecord]) -> String {
        var lines = [columns.joined(separator: ",")]
        for record in records {
            let values = fields(record)
            lines.append(columns.map { RecordWriter.csvField((values[$0] ?? nil) ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// ISO 8601 in the machine's time zone with its offset, as Khalti writes times.
    static func iso(_ date: Date) -> String {
        Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: .current).format(date)
    }
}
