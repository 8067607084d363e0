import Foundation
import Hummingbird
import NetworkTestSupport
import Testing

/// A Khalti that echoes the token into every answer, and the binary at the chattiest
/// log level: the token must appear nowhere the program writes (its output, its logs,
/// the journal, the receipts, the owners' lock files), only in the requests it sends.
@Suite("The token never reaches a log, the screen or the disk, even at trace level")
struct TokenOnDiskTests {
    static let secret = "EchoSecret42"
    static let token = "TEST:\(secret)"
    static let secretHex = secret.utf8.map { String($0, radix: 16) }.joined()

    @Test("pay, status, reconcile, history and lookup at ARROWNET_LOG_LEVEL=trace against an echoing server")
    func traceLevel() async throws {
        let runner = try await BinaryRunner.ready()
        let requests = RequestCount()
        try await Self.withEchoServer(requests: requests) { baseURL in
            let environment = ["KHALTI_TOKEN": Self.token, "KHALTI_BASE_URL": baseURL, "ARROWNET_LOG_LEVEL": "trace"]
            var outputs: [String] = []
            let pay = try await runner.run(["pay", "echo", "--months", "1", "--yes"], environment: environment)
            #expect(pay.status == 0, "\(pay.stdout)\(pay.stderr)")
            outputs += [pay.stdout, pay.stderr]
            let reference = try #require(pay.stdout.split(whereSeparator: \.isWhitespace).first { $0.hasPrefix("ARN") }.map(String.init))
            for arguments in [["status", reference], ["reconcile", "--now"], ["history", "--json"], ["lookup", "echo", "--json"]] {
                let result = try await runner.run(arguments, environment: environment)
                #expect(result.status == 0, "\(arguments): \(result.stdout)\(result.stderr)")
                outputs += [result.stdout, result.stderr]
            }
            #expect(outputs.contains { $0.contains("trace") || $0.contains("debug") }, "the logs were on: \(outputs.joined())")
            #expect(requests.value >= 4, "the server was asked")
            // AsyncHTTPClient logs an answer's first and last 32 bytes in hex at trace level,
            // so the token is looked for in hex too (every answer ends with it).
            for output in outputs {
                #expect(!output.contains(Self.secret) && !output.contains(Self.secretHex), "an output shows the token: \(output)")
            }
            for file in Self.files(under: runner.home) {
                let bytes = try Data(contentsOf: file)
                #expect(bytes.range(of: Data(Self.secret.utf8)) == nil, "\(file.path) holds the token")
                #expect(bytes.range(of: Data(Self.secretHex.utf8)) == nil, "\(file.path) holds the token in hex")
            }
        }
    }

    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        return (enumerator?.allObjects as? [URL] ?? []).filter {
            (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
        }
    }

    /// Khalti's calls, each answer carrying the token wherever a text goes.
    static func withEchoServer(requests: RequestCount, _ body: (String) async throws -> Void) async throws {
        let router = Router()
        @Sendable func answer(_ text: String) -> Response {
            requests.add()
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/api/servicegroup/details/arrownet/") { _, _ in
            answer(#"{"status": true, "full_name": "Echo TEST:EchoSecret42", "current_plan": "TEST:EchoSecret42", "days_remaining": 1, "has_due": true, "accept_advance_payment": true, "plan_details": [{"duration": 1, "amount": "1695.00"}], "x": "TEST:EchoSecret42"}"#)
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ in
            answer(#"{"status": true, "state": "Success", "message": "ok TEST:EchoSecret42", "detail": "TEST:EchoSecret42", "id": "TEST:EchoSecret42"}"#)
        }
        router.get("/api/service/status/") { request, _ in
            let reference = request.uri.queryParameters["reference"].map(String.init) ?? ""
            return answer(#"{"status": true, "state": "Success", "amount": 1695.0, "reference": "\#(reference)", "response_id": "TEST:EchoSecret42", "refunded": false, "details": "TEST:EchoSecret42"}"#)
        }
        router.get("/api/service/bulk/status/") { _, _ in
            answer(#"{"status": true, "detail": [], "message": "TEST:EchoSecret42"}"#)
        }
        router.get("/api/balance") { _, _ in
            answer(#"{"credits_available": 1000.0, "credits_consumed": 0, "message": "TEST:EchoSecret42"}"#)
        }
        try await LoopbackServer.with(router, body)
    }
}

