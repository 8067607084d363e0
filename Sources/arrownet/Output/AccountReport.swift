import ArrownetDomain
import ConsoleCore
import Foundation

/// How `lookup` shows a customer: a table for people, JSON and CSV for programs. The
/// service end and each plan's new expiry are Nepal days, worked out as the console does
/// (`Account.lastDayOfService`, `estimatedExpiry` on the counter's calendar), so an agent
/// and a clerk read the same date.
enum AccountReport {
    static func table(_ account: Account, now: Date, time: NepalTime) -> String {
        let dates = Dates(account, now: now, time: time)
        var lines = [
            row("Customer", "\(ShownText.name(account.fullName)) (\(account.username.value))"),
            row("Current plan", ShownText.field(account.currentPlan, columns: ShownText.planColumns)),
            row("Days remaining", "\(account.daysRemaining), service until \(time.day(dates.serviceEnds))"),
            row("Due", account.hasDue ? "Yes, payment due" : "No"),
            row("Advance payment", account.acceptsAdvancePayment ? "Accepted" : "Not accepted"),
        ]
        switch account.payability {
        case .allowed: lines.append(row("Can pay now", "Yes"))
        case .refused(let reason): lines.append(row("Can pay now", "No. \(reason)"))
        }
        lines.append("")
        var cells = [["Plan", "Amount", "Per month", "Saving", "New expiry"]]
        for comparison in account.planComparisons {
            cells.append([
                comparison.plan.duration.label,
                comparison.plan.amount.formatted,
                comparison.plan.pricePerMonth.formatted,
                comparison.saving.map(\.formatted) ?? "-",
                dates.newExpiry[comparison.plan.duration].map(time.day) ?? "",
            ])
        }
        if account.plans.isEmpty { cells.append(["(no plans offered)", "", "", "", ""]) }
        lines += aligned(cells, rightAligned: [1, 2, 3])
        lines.append("")
        lines.append(NepalTime.note)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The days the account's dates fall on, today in Nepal.
    struct Dates {
        let serviceEnds: CivilDay
        let newExpiry: [PlanDuration: CivilDay]

        init(_ account: Account, now: Date, time: NepalTime) {
            serviceEnds = account.lastDayOfService(today: time.calendar.day(of: now))
            var expiries: [PlanDuration: CivilDay] = [:]
            for plan in account.plans {
                expiries[plan.duration] = time.calendar.day(
                    of: account.estimatedExpiry(after: plan.duration, today: now, calendar: time.calendar))
            }
            newExpiry = expiries
        }
    }

    /// One line whatever the value holds: a line break in a name must not start a
    /// row of its own that reads as another field.
    static func row(_ label: String, _ value: String) -> String {
        padded(label, toColumns: 17) + OutsideText.line(value)
    }

    /// Columns padded to their widest cell as the console pads them, by the columns a
    /// terminal gives each character (a Devanagari name keeps the next column in line);
    /// amounts right-aligned so the digits line up. Each cell is made one line first
    /// (`OutsideText.line`), so it is measured as it is shown; callers cut long names.
    /// Only trailing spaces are trimmed: a right-aligned first column (`shift list`'s Id)
    /// keeps the spaces that line its digits up.
    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let cells = rows.map { $0.map { OutsideText.line($0) } }
        return alignedColumns(cells, rightAligned: rightAligned).map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }
    }

    /// The machine form the README documents; amounts as decimal strings, days as
    /// `YYYY-MM-DD` in Nepal with their Bikram Sambat day in `*_bs` (null outside the table).
    struct Record: Encodable {
        struct PlanRecord: Encodable {
            let months: Int
            let amount: String
            let newExpiry: String
            let newExpiryBS: String?

            enum CodingKeys: String, CodingKey {
                case months, amount
                case newExpiry = "new_expiry"
                case newExpiryBS = "new_expiry_bs"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(months, forKey: .months)
                try container.encode(amount, forKey: .amount)
                try container.encode(newExpiry, forKey: .newExpiry)
                try container.encode(newExpiryBS, forKey: .newExpiryBS)  // null, not absent
            }
        }

        let username: String
        let fullName: String
        let currentPlan: String
        let daysRemaining: Int
        let serviceEnds: String
        let serviceEndsBS: String?
        let hasDue: Bool
        let acceptAdvancePayment: Bool
        let plans: [PlanRecord]

        init(_ account: Account, now: Date, time: NepalTime) {
            let dates = Dates(account, now: now, time: time)
            username = account.username.value
            fullName = account.fullName
            currentPlan = account.currentPlan
            daysRemaining = account.daysRemaining
            serviceEnds = dates.serviceEnds.isoText
            serviceEndsBS = time.bs(dates.serviceEnds)
            hasDue = account.hasDue
            acceptAdvancePayment = account.acceptsAdvancePayment
            plans = account.plans.map { plan in
                let expiry = dates.newExpiry[plan.duration]
                return PlanRecord(
                    months: plan.duration.months, amount: plan.amount.wireString, newExpiry: expiry?.isoText ?? "",
                    newExpiryBS: expiry.flatMap(time.bs))
            }
        }

        enum CodingKeys: String, CodingKey {
            case username
            case fullName = "full_name"
            case currentPlan = "current_plan"
            case daysRemaining = "days_remaining"
            case serviceEnds = "service_ends"
            case serviceEndsBS = "service_ends_bs"
            case hasDue = "has_due"
            case acceptAdvancePayment = "accept_advance_payment"
            case plans
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(username, forKey: .username)
            try container.encode(fullName, forKey: .fullName)
            try container.encode(currentPlan, forKey: .currentPlan)
            try container.encode(daysRemaining, forKey: .daysRemaining)
            try container.encode(serviceEnds, forKey: .serviceEnds)
            try container.encode(serviceEndsBS, forKey: .serviceEndsBS)  // null, not absent
            try container.encode(hasDue, forKey: .hasDue)
            try container.encode(acceptAdvancePayment, forKey: .acceptAdvancePayment)
            try container.encode(plans, forKey: .plans)
        }
    }

    static func json(_ account: Account, now: Date, time: NepalTime) -> String {
        encode(Record(account, now: now, time: time))
    }

    /// Escaped for a terminal (`JSONText`).
    static func encode(_ value: some Encodable) -> String {
        JSONText.encode(value)
    }
}
