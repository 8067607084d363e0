import ArrownetDomain
import Foundation
import Hummingbird
import KhaltiClient
import PaymentDesk
import NetworkTestSupport
import PaymentJournal
import SQLiteJournal
import Testing

/// The journal never receives the token: the desk passes it only Khalti's answers,
/// scrubbed. A server that echoes the request into every field proves it.
@Suite("Desk: the token never reaches the journal")
struct TokenSecrecyTests {
    static let secret = "EchoSecret42"
    static let token = "TEST:\(secret)"

    @Test("a refusal that quotes the token in every text", arguments: [
        #"{"status": false, "error_code": "1010", "state": "TEST:EchoSecret42", "message": "Bad token TEST:EchoSecret42", "details": "token=TEST:EchoSecret42", "error_data": {"token": ["TEST:EchoSecret42 is not valid"]}, "id": "TEST:EchoSecret42"}"#,
        #"{"status": true, "state": "TEST:EchoSecret42", "message": "ok TEST:EchoSecret42", "detail": "TEST:EchoSecret42", "id": "TEST:EchoSecret42"}"#,
    ])
    func echoingServer(answer: String) async throws {
        let router = Router()
        router.post("/api/servicegroup/details/arrownet/") { _, _ -> Response in
            Self.json(#"{"status": true, "full_name": "Echo TEST:EchoSecret42", "current_plan": "x", "days_remaining": 1, "has_due": true, "accept_advance_payment": true, "plan_details": [{"duration": 1, "amount": "1695.00"}]}"#)
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ -> Response in
            Self.json(answer, status: answer.contains("1010") ? .badRequest : .ok)
        }
        router.get("/api/service/status/") { _, _ -> Response in
            Self.json(#"{"status": true, "state": "Success", "amount": 1695.0, "reference": "T1", "response_id": "TEST:EchoSecret42", "refunded": false}"#)
        }
        try await LoopbackServer.with(router) { baseURL in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-secret-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let journal = try SQLiteJournal(path: folder.appendingPathComponent(SQLiteJournal.fileName).path)
            let api = try KhaltiAPI(endpoint: try KhaltiEndpoint(parsing: baseURL), token: try KhaltiToken(Self.token))
            let desk = PaymentDesk(
                store: journal, gateway: .live(api), environment: .local(baseURL: "http://127.0.0.1", token: .test), references: .sequential(prefix: "T"))
            _ = try await journal.openShift(ShiftOpening(counter: "c", operatorName: "o", openingFloat: .zero, openingBalance: nil, at: Date()))
            let account = try await api.accountDetails(for: try Username("echo"))
            let outcome = await desk.pay(account: account, plan: account.plans[0], counter: "c", operator: "o", unseenSince: Date())
            _ = await desk.reconcile(schedule: .all)
            await api.shutdown()

            let events = try await journal.events(of: try PaymentReference("T1"))
            #expect(events.count >= 3)
            let history = try await journal.history(HistoryFilter())
            await journal.close()
            let everything = "\(outcome) \(events) \(history)"
            #expect(!everything.contains(Self.secret))
            #expect(everything.contains("•••"), "the echoes were there, and were removed")
            // Every byte of the file and its WAL companions, not only what the API reads back.
            for suffix in ["", "-wal", "-shm"] {
                let bytes = (try? Data(contentsOf: folder.appendingPathComponent(SQLiteJournal.fileName + suffix))) ?? Data()
                #expect(bytes.range(of: Data(Self.secret.utf8)) == nil, "journal.sqlite\(suffix) holds the token")
            }
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

}
