import ArrownetDomain
import ConsoleCore
import Foundation

/// How `lookup` shows a customer: a table for people, JSON for programs.
enum AccountReport {
    static func table(_ account: Account, today: Date = Date(), calendar: Calendar = .current) -> String {
        // Whole calendar days in the machine's zone, daylight saving included: today's
        // date from Foundation, the days added as days, the date back to Foundation.
        let now = calendar.dateComponents([.year, .month, .day], from: today)
        let lastDay = account.lastDayOfService(today: CivilDay(year: Int64(now.year ?? 1970), month: now.month ?? 1, day: now.day ?? 1))
        let ends = calendar.date(from: DateComponents(year: Int(lastDay.year), month: lastDay.month, day: lastDay.day, hour: 12)) ?? today
        var lines = [
            row("Customer", "\(account.fullName) (\(account.username.value))"),
            row("Current plan", account.currentPlan),
            row("Days remaining", "\(account.daysRemaining), service until \(dayFormat(calendar).string(from: ends))"),
            row("Due", account.hasDue ? "Yes, payment due" : "No"),
            row("Advance payment", account.acceptsAdvancePayment ? "Accepted" : "Not accepted"),
        ]
        switch account.payability {
        case .allowed: lines.append(row("Can pay now", "Yes"))
        case .refused(let reason): lines.append(row("Can pay now", "No. \(reason)"))
        }
        lines.append("")
        let header = ["Plan", "Amount", "Per month", "Saving"]
        var cells = [header]
        for comparison in account.planComparisons {
            cells.append([
                comparison.plan.duration.label,
                comparison.plan.amount.formatted,
                comparison.plan.pricePerMonth.formatted,
                comparison.saving.map(\.formatted) ?? "-",
            ])
        }
        if account.plans.isEmpty { cells.append(["(no plans offered)", "", "", ""]) }
        lines += aligned(cells, rightAligned: [1, 2, 3])
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ label: String, _ value: String) -> String {
        padded(label, toColumns: 17) + value
    }

    /// Columns padded to their widest cell as the console pads them, by the columns a
    /// terminal gives each character (a Devanagari name keeps the next column in line);
    /// amounts right-aligned so the digits line up.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        alignedColumns(rows, rightAligned: rightAligned).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func dayFormat(_ calendar: Calendar) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE d MMM yyyy"
        return formatter
    }

    /// The machine form the README documents; amounts as decimal strings.
    struct Record: Encodable {
        struct PlanRecord: Encodable {
            let months: Int
            let amount: String
        }

        let username: String
        let fullName: String
        let currentPlan: String
        let daysRemaining: Int
        let hasDue: Bool
        let acceptAdvancePayment: Bool
        let plans: [PlanRecord]

        init(_ account: Account) {
            username = account.username.value
            fullName = account.fullName
            currentPlan = account.currentPlan
            daysRemaining = account.daysRemaining
            hasDue = account.hasDue
            acceptAdvancePayment = account.acceptsAdvancePayment
            plans = account.plans.map { PlanRecord(months: $0.duration.months, amount: $0.amount.wireString) }
        }

        enum CodingKeys: String, CodingKey {
            case username
            case fullName = "full_name"
            case currentPlan = "current_plan"
            case daysRemaining = "days_remaining"
            case hasDue = "has_due"
            case acceptAdvancePayment = "accept_advance_payment"
            case plans
        }
    }

    static func json(_ account: Account) -> String {
        encode(Record(account))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
