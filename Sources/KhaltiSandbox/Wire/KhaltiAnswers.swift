import ArrownetDomain
import Foundation

/// The success answers of the Khalti calls, in the shapes of the seed and the protocol note.
enum KhaltiAnswers {
    /// Exactly the seed's details answer, key for key.
    static func details(_ details: SandboxAccountDetails) -> WireJSON {
        .object([
            "status": .bool(true),
            "plan_details": .array(details.planDetails.map { plan in
                .object(["duration": .integer(plan.duration), "amount": .string(plan.amount.wireString)])
            }),
            "days_remaining": .integer(details.daysRemaining),
            "current_plan": .string(details.currentPlan),
            "accept_advance_payment": .bool(details.acceptAdvancePayment),
            "has_due": .bool(details.hasDue),
            "full_name": .string(details.fullName),
        ])
    }

    /// The commit answer. A payment that failed at once answers HTTP 200 with
    /// `status: false` and `state: "Failed"`: the call itself worked, the payment did not,
    /// and a client decides by `state` (refund the customer).
    static func commit(_ entry: SandboxLedgerEntry) -> WireJSON {
        let (status, message, detail): (Bool, String, String) = switch entry.state {
        case .success: (true, "Successfully Completed Transaction", "Transaction successful")
        case .queued: (true, "Transaction Queued", "Transaction is queued and will be processed shortly")
        case .processing: (true, "Transaction Processing", "Transaction is being processed")
        case .failed: (false, "Transaction Failed", "Transaction failed; the amount was returned to your balance")
        }
        return .object([
            "status": .bool(status),
            "message": .string(message),
            "detail": .string(detail),
            "extra_data": .object([]),
            "state": .string(entry.state.rawValue),
            "id": .number(String(entry.id)),
        ])
    }

    /// One status lookup result; also an element of the bulk lookup's `detail`.
    static func status(_ entry: SandboxLedgerEntry) -> WireJSON {
        let (originalStatus, details): (String, String) = switch entry.state {
        case .success: ("Completed", "Transaction successful")
        case .queued: ("Queued", "Transaction is queued")
        case .processing: ("Processing", "Transaction is being processed")
        case .failed: ("Failed", "Transaction failed")
        }
        return .object([
            "status": .bool(true),
            "state": .string(entry.state.rawValue),
            "original_status": .string(originalStatus),
            "details": .string(details),
            "reference": .string(entry.reference),
            "response_id": .string(entry.responseID),
            "amount": .rupees(entry.amount),
            "refunded": .bool(entry.isRefunded),
            "refunded_amount": .rupees(entry.refundedAmount),
            "refunds": .array(entry.refunds.map { refund in
                .object([
                    "created_at": .string(khaltiTimestamp(refund.createdAt)),
                    "remarks": .string(refund.remarks),
                    "amount": .rupees(refund.amount),
                ])
            }),
        ])
    }

    /// The balance. Published shapes carry float noise as Khalti's example does
    /// (`{"credits_consumed": 777099.369900001, "credits_available": 161155.5}`): each
    /// figure written a hair off its paisa, so only a client that rounds the digits to
    /// the paisa reads the ledger's own amounts back.
    static func balance(_ balance: SandboxBalance, shapes: AnswerShapes = .published) -> WireJSON {
        switch shapes {
        case .plain:
            .object([
                "credits_available": .rupees(balance.available),
                "credits_consumed": .rupees(balance.consumed),
            ])
        case .published:
            .object([
                "credits_consumed": floatNoise(balance.consumed, below: true),
                "credits_available": floatNoise(balance.available, below: false),
            ])
        }
    }

    /// `money` as a binary float prints it: `1695.37` as `1695.369900001` (`below`) or
    /// `1695.370000001`. Both round half-even to the same paisa.
    static func floatNoise(_ money: Money, below: Bool) -> WireJSON {
        guard money.paisa > 0 else { return .rupees(money) }
        let tenThousandths = money.paisa * 100 - (below ? 1 : 0)
        let fraction = String(tenThousandths % 10_000)
        let padded = String(repeating: "0", count: 4 - fraction.count) + fraction
        return .number("\(tenThousandths / 10_000).\(padded)\(below ? "00001" : "000001")")
    }

    /// Khalti's published bulk entry for a reference it does not know: not an error
    /// object (no `error_code`), and not a payment of Rs. 0.00.
    static func unknownBulkEntry(_ reference: String) -> WireJSON {
        .object([
            "status": .bool(true),
            "state": .string("Error"),
            "details": .string("Invalid reference obtained for account"),
            "reference": .string(reference),
            "response_id": .integer(0),
            "amount": .integer(0),
        ])
    }

    /// Khalti writes times in Nepal time with the offset (`2025-01-01T05:45:00+05:45`).
    /// Nepal has no daylight saving, so a fixed offset is exact and needs no tz database.
    static func khaltiTimestamp(_ date: Date) -> String {
        let nepal = TimeZone(secondsFromGMT: 5 * 3600 + 45 * 60) ?? .gmt
        return Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: nepal).format(date)
    }
}
