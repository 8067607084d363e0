import Foundation
import Hummingbird
import KhaltiSandbox
import NetworkTestSupport
import Testing

/// `arrownet check`, the binary against the embedded sandbox, a sandbox the test runs, and
/// stand-ins for a Khalti that answers in ways the sandbox never does.
@Suite("check: the pre-flight before taking real money")
struct CheckCommandTests {
    static let rows = ["balance", "details", "lookup_never_sent", "bulk_lookup_never_sent"]
    static let paidRows = ["payment", "lookup_paid", "bulk_lookup_paid"]

    /// The calls of `check --json` by name.
    static func calls(_ stdout: String) throws -> [String: [String: Any]] {
        let calls = try #require(try jsonObject(stdout)["calls"] as? [[String: Any]], "\(stdout)")
        return Dictionary(uniqueKeysWithValues: calls.map { ($0["call"] as? String ?? "?", $0) })
    }

    @Test("on the embedded sandbox: exit 0, every row documented, and the paid-reference check said to be not made")
    func embeddedSandbox() async throws {
        let result = try await BinaryRunner().run(["check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("SANDBOX: no real money"))
        for label in ["balance", "details", "lookup, never sent", "bulk lookup, never sent"] {
            let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(label + " ") }
            #expect(line?.hasSuffix("yes") == true, "\(label): \(result.stdout)")
        }
        #expect(!result.stdout.contains(" NO"), "\(result.stdout)")
        #expect(result.stdout.contains("Lookups were sent as GET with query parameters"))
        #expect(result.stdout.contains("must read PAID before any \"unknown reference\" answer is trusted: that check was not made"))
        #expect(result.stdout.contains("Every reading is the documented one."))
        #expect(!result.stdout.contains("payment, 1 month"), "no payment without --pay")
    }

    @Test("--pay on a sandbox: one payment reaches it, and its single and bulk lookups read PAID")
    func payOnce() async throws {
        let sandbox = try await RunningSandbox.start(SandboxConfiguration(faults: [FaultRule(call: .commit, effect: .latency(milliseconds: 0))]))
        let result = try await BinaryRunner().run(["check", "--pay", "--json", "--base-url", sandbox.baseURL])
        let commits = sandbox.faultStatuses().first?.fired
        let ledger = try await sandbox.ledgerEntries()
        await sandbox.stop()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(commits == 1, "commit requests that reached the server")
        #expect(ledger.count == 1)
        let calls = try Self.calls(result.stdout)
        for name in Self.rows + Self.paidRows {
            #expect(calls[name]?["documented"] as? Bool == true, "\(name): \(String(describing: calls[name]))")
        }
        #expect(calls["lookup_paid"]?["reading"] as? String == "PAID")
        #expect(calls["bulk_lookup_paid"]?["reading"] as? String == "PAID")
        let paid = try #require(calls["payment"]?["references"] as? [String])
        #expect(paid.count == 1 && paid.first?.hasPrefix("ARN") == true && ledger.first?.reference == paid.first)
        let object = try jsonObject(result.stdout)
        #expect(object["paid_reference_check"] as? String == "passed")
    }

    @Test("--json: one object with the documented fields, null where there is no value")
    func jsonFields() async throws {
        let result = try await BinaryRunner().run(["check", "--json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("SANDBOX: no real money"), "the banner goes to standard error")
        let object = try jsonObject(result.stdout)
        for key in ["outcome", "khalti", "username", "pay", "lookup_form", "paid_reference_check", "paid_reference_note", "calls",
                    "undocumented", "summary", "exit_code"] {
            #expect(object[key] != nil, "\(key) missing: \(result.stdout)")
        }
        #expect(object["outcome"] as? String == "documented")
        #expect(object["khalti"] as? String == "sandbox")
        #expect(object["username"] as? String == "Pradhanang")
        #expect(object["pay"] as? Bool == false)
        #expect(object["paid_reference_check"] as? String == "not_made")
        #expect((object["lookup_form"] as? String)?.contains("GET with query parameters") == true)
        #expect(object["exit_code"] as? Int == 0)
        #expect((object["undocumented"] as? [Any])?.isEmpty == true)
        let calls = try Self.calls(result.stdout)
        #expect(Set(calls.keys) == Set(Self.rows))
        for (name, call) in calls {
            for key in ["call", "label", "request", "references", "http_status", "shape", "reading", "expected", "documented"] {
                #expect(call[key] != nil, "\(name).\(key) missing")
            }
        }
        #expect(calls["balance"]?["request"] as? String == "GET /api/balance")
        #expect(calls["balance"]?["http_status"] as? Int == 200)
        #expect((calls["bulk_lookup_never_sent"]?["references"] as? [String])?.count == 2)
        #expect(calls["lookup_never_sent"]?["reading"] as? String == "unknown reference")
    }

    @Test("a lookup answered 404 with an HTML page, or 404 JSON, is a failed lookup: exit 15, the rows named")
    func notFoundPages() async throws {
        let standIn = StandIn(
            single: { _ in .notFoundPage },
            bulk: { _ in StandIn.json(#"{"detail": "Not found."}"#, status: .notFound) })
        try await standIn.serve { baseURL in
            let result = try await BinaryRunner().run(["check", "--base-url", baseURL], environment: ["KHALTI_TOKEN": StandIn.token])
            #expect(result.status == 15, "\(result.stdout)\(result.stderr)")
            let single = result.stdout.split(separator: "\n").first { $0.hasPrefix("lookup, never sent ") }
            #expect(single?.contains("HTML page") == true && single?.contains("failed lookup: Khalti answered HTTP 404 with an HTML page") == true,
                    "\(String(describing: single))")
            #expect(single?.hasSuffix("NO") == true)
            #expect(result.stdout.contains("Not the documented reading: lookup, never sent; bulk lookup, never sent."), "\(result.stdout)")
            let json = try await BinaryRunner().run(["check", "--json", "--base-url", baseURL], environment: ["KHALTI_TOKEN": StandIn.token])
            #expect(json.status == 15)
            let object = try jsonObject(json.stdout)
            #expect(object["outcome"] as? String == "not_documented" && object["exit_code"] as? Int == 15)
            let undocumented = try #require(object["undocumented"] as? [String])
            #expect(undocumented.contains("lookup_never_sent") && undocumented.contains("bulk_lookup_never_sent"))
            #expect(try Self.calls(json.stdout)["lookup_never_sent"]?["http_status"] as? Int == 404)
        }
    }

    @Test("a paid reference read as unknown: exit 15, the paid rows named, no unknown answer to be trusted")
    func paidReadAsUnknown() async throws {
        let standIn = StandIn(single: { _ in StandIn.unknownSingle }, bulk: StandIn.unknownBulk)
        try await standIn.serve { baseURL in
            let result = try await BinaryRunner().run(
                ["check", "--pay", "--base-url", baseURL], environment: ["KHALTI_TOKEN": StandIn.token])
            #expect(result.status == 15, "\(result.stdout)\(result.stderr)")
            #expect(standIn.commits.value == 1)
            for label in ["lookup, paid ", "bulk lookup, paid "] {
                let line = result.stdout.split(separator: "\n").first { $0.hasPrefix(label) }
                #expect(line?.contains("unknown reference") == true && line?.hasSuffix("NO") == true, "\(label): \(result.stdout)")
            }
            #expect(result.stdout.contains("did NOT read PAID, so no \"unknown reference\" answer from this Khalti can be trusted yet"))
            #expect(result.stdout.contains("Not the documented reading: lookup, paid; bulk lookup, paid."), "\(result.stdout)")
        }
    }

    @Test("--pay is refused on live with a sentence and exit 64, before anything is sent; live needs --username")
    func payRefusedOnLive() async throws {
        let standIn = StandIn(single: { _ in StandIn.unknownSingle }, bulk: StandIn.unknownBulk)
        try await standIn.serve { baseURL in
            let live = ["KHALTI_TOKEN": "LiveSecret42"]
            let runner = try BinaryRunner()
            let pay = try await runner.run(["check", "--pay", "--base-url", baseURL], environment: live)
            #expect(pay.status == 64, "\(pay.stdout)\(pay.stderr)")
            #expect(pay.stderr.contains("refused on live"))
            let noName = try await runner.run(["check", "--base-url", baseURL], environment: live)
            #expect(noName.status == 64 && noName.stderr.contains("--username"), "\(noName.stdout)\(noName.stderr)")
            #expect(standIn.requests.value == 0, "nothing was sent")
            let check = try await runner.run(["check", "--username", "Pradhanang", "--base-url", baseURL], environment: live)
            #expect(check.stdout.contains("LIVE SERVER") || check.stdout.contains("live token, real money"), "\(check.stdout)")
            #expect(check.stdout.contains("that check was not made (--pay is refused on live"), "\(check.stdout)")
            #expect(standIn.commits.value == 0)
            for output in [pay.stdout, pay.stderr, noName.stdout, noName.stderr, check.stdout, check.stderr] {
                #expect(!output.contains("LiveSecret42"))
            }
        }
    }

    @Test("the token never reaches standard output or error, even when every answer echoes it")
    func tokenEchoed() async throws {
        let echo = StandIn.token
        let standIn = StandIn(
            single: { _ in StandIn.json(#"{"status": false, "error_code": "002", "error": "invalid_reference", "message": "\#(echo)", "details": "\#(echo)"}"#, status: .badRequest) },
            bulk: { references in
                StandIn.json(#"{"status": true, "message": "\#(echo)", "detail": ["# + references.map {
                    #"{"status": true, "state": "Error \#(echo)", "details": "\#(echo) Invalid reference obtained for account", "reference": "\#($0)", "response_id": "\#(echo)", "amount": 0}"#
                }.joined(separator: ",") + "]}")
            },
            echo: true)
        try await standIn.serve { baseURL in
            let runner = try BinaryRunner()
            var outputs: [String] = []
            for arguments in [["check", "--pay"], ["check", "--pay", "--json"]] {
                let result = try await runner.run(arguments + ["--base-url", baseURL], environment: ["KHALTI_TOKEN": echo, "ARROWNET_LOG_LEVEL": "trace"])
                #expect(result.stdout.contains("•••"), "the echoed token was there to scrub: \(result.stdout)")
                outputs += [result.stdout, result.stderr]
            }
            for output in outputs {
                #expect(!output.contains(StandIn.secret), "an output shows the token: \(output)")
            }
        }
    }
}

/// A Khalti stand-in on loopback answering in the shapes Khalti publishes, with the
/// lookups each test needs. `echo` puts the token into every text of every answer.
struct StandIn: Sendable {
    static let secret = "CheckSecret42"
    static let token = "TEST:\(secret)"

    let single: @Sendable (String) -> Response
    let bulk: @Sendable ([String]) -> Response
    var echo = false
    let requests = RequestCount()
    let commits = RequestCount()

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static var unknownSingle: Response { json(#"{"status": false, "error_code": "002", "error": "invalid_reference", "message": "Invalid reference"}"#, status: .badRequest) }

    /// Khalti's published bulk entry for a reference it does not know.
    @Sendable static func unknownBulk(_ references: [String]) -> Response {
        json(#"{"status": true, "detail": ["# + references.map {
            #"{"status": true, "state": "Error", "details": "Invalid reference obtained for account", "reference": "\#($0)", "response_id": 0, "amount": 0}"#
        }.joined(separator: ",") + "]}")
    }

}

extension Response {
    /// A proxy's HTML error page for a path it does not know.
    static var notFoundPage: Response {
        Response(
            status: .notFound, headers: [.contentType: "text/html"],
            body: .init(byteBuffer: ByteBuffer(string: "<!DOCTYPE html><html><body><h1>Not Found</h1></body></html>")))
    }
}

extension StandIn {
    func serve(_ body: (String) async throws -> Void) async throws {
        let router = Router()
        let words = echo ? Self.token : "ok"
        // Echoing, the balance itself is the token: its "not an amount" sentence quotes it.
        let available = echo ? "\"\(Self.token)\"" : "161155.5"
        router.get("/api/balance") { _, _ in
            requests.add()
            return Self.json(#"{"credits_consumed": 777099.369900001, "credits_available": \#(available), "message": "\#(words)"}"#)
        }
        router.post("/api/servicegroup/details/arrownet/") { _, _ in
            requests.add()
            return Self.json(#"""
                {"status": true, "full_name": "Ashish Pradhanang - Home \#(words)", "current_plan": "Arrownet 25 Mbps \#(words)",
                 "days_remaining": 12, "has_due": false, "accept_advance_payment": true,
                 "plan_details": [{"duration": 1, "amount": "1695.00"}, {"duration": 3, "amount": "4885.00"}]}
                """#)
        }
        router.post("/api/servicegroup/commit/arrownet/") { _, _ in
            requests.add()
            commits.add()
            return Self.json(#"{"status": true, "state": "Success", "message": "Paid \#(words)", "detail": "\#(words)", "id": 4411, "extra_data": {}}"#)
        }
        let single = self.single
        router.get("/api/service/status/") { request, _ in
            requests.add()
            return single(request.uri.queryParameters["reference"].map(String.init) ?? "")
        }
        let bulk = self.bulk
        router.get("/api/service/bulk/status/") { request, _ in
            requests.add()
            let list = request.uri.queryParameters["references"].map(String.init) ?? ""
            return bulk(list.split(separator: ",").map(String.init))
        }
        try await LoopbackServer.with(router, body)
    }
}
