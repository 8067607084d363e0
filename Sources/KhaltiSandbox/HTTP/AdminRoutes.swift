import Foundation
import Hummingbird

/// `/__sandbox/...`: what tests and trainers use to steer the sandbox over HTTP.
/// Registered only when the server is bound to loopback (see `RunningSandbox.start`):
/// anyone who can reach it can fake payments and break the service.
struct AdminRoutes: Sendable {
    let service: KhaltiService
    let faults: FaultBoard

    func register(on router: Router<SandboxRequestContext>) {
        router.post("__sandbox/faults") { request, _ in
            var request = request
            do {
                let body = try await request.collectBody(upTo: 16 * 1024)
                let rule = try JSONDecoder().decode(FaultRule.self, from: Data(body.readableBytesView))
                return Self.json(status: 201, ["id": faults.add(rule)])
            } catch {
                return Self.json(status: 400, ["error": "not a fault rule: \(error)"])
            }
        }
        router.get("__sandbox/faults") { _, _ in
            Self.json(status: 200, ["faults": faults.statuses()])
        }
        router.delete("__sandbox/faults") { _, _ in
            Self.json(status: 200, ["cleared": faults.clear()])
        }
        router.post("__sandbox/settle") { _, _ in
            let settled = try await service.ledger.settleAll(now: service.clock.now())
            return Self.json(status: 200, ["settled": settled])
        }
        router.get("__sandbox/ledger") { request, _ in
            let reference = request.uri.queryParameters["reference"].map(String.init)
            let entries = try await service.ledger.entries(reference: reference, now: service.clock.now())
            return Self.json(status: 200, ["entries": entries.map(AdminLedgerEntry.init)])
        }
        router.post("__sandbox/refund") { request, _ in
            struct RefundRequest: Decodable { let reference: String; let remarks: String? }
            var request = request
            let parsed: RefundRequest
            do {
                let body = try await request.collectBody(upTo: 16 * 1024)
                parsed = try JSONDecoder().decode(RefundRequest.self, from: Data(body.readableBytesView))
            } catch {
                return Self.json(status: 400, ["error": "expected {\"reference\": \"...\", \"remarks\": \"...\"}"])
            }
            let outcome = try await service.ledger.refund(
                reference: parsed.reference, remarks: parsed.remarks ?? "Refunded by operator", now: service.clock.now())
            return switch outcome {
            case .refunded(let entry): Self.json(status: 200, ["entry": AdminLedgerEntry(entry)])
            case .unknownReference: Self.json(status: 404, ["error": "no payment has reference \(parsed.reference)"])
            case .notRefundable(let state): Self.json(status: 409, ["error": "a \(state.rawValue) payment cannot be refunded (only an unrefunded Success can)"])
            }
        }
    }

    private static func json(status: Int, _ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return HTTPResponses.json(status: status, text: text)
    }
}

/// A ledger entry for the admin endpoint. Money is a decimal string, as in the seed.
struct AdminLedgerEntry: Encodable {
    let id: Int64
    let reference: String
    let username: String
    let amount: String
    let duration: Int
    let state: String
    let createdAt: String
    let lookups: Int
    let refundedAmount: String
    let refunds: [Refund]

    struct Refund: Encodable {
        let amount: String
        let remarks: String
        let createdAt: String
        enum CodingKeys: String, CodingKey { case amount, remarks, createdAt = "created_at" }
    }

    enum CodingKeys: String, CodingKey {
        case id, reference, username, amount, duration, state, lookups, refunds
        case createdAt = "created_at"
        case refundedAmount = "refunded_amount"
    }

    init(_ entry: SandboxLedgerEntry) {
        id = entry.id
        reference = entry.reference
        username = entry.username
        amount = entry.amount.wireString
        duration = entry.duration
        state = entry.state.rawValue
        createdAt = KhaltiAnswers.khaltiTimestamp(entry.createdAt)
        lookups = entry.lookups
        refundedAmount = entry.refundedAmount.wireString
        refunds = entry.refunds.map {
            Refund(amount: $0.amount.wireString, remarks: $0.remarks, createdAt: KhaltiAnswers.khaltiTimestamp($0.createdAt))
        }
    }
}
