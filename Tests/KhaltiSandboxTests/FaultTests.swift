import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Faults on demand")
struct FaultTests {
    @Test func latencyDelaysTheAnswerAndIsCounted() async throws {
        try await TestSandbox.with { sandbox in
            let id = sandbox.sandbox.add(FaultRule(call: .details, effect: .latency(milliseconds: 300)))
            let clock = ContinuousClock()
            let start = clock.now
            let answer = try await sandbox.details("Pradhanang")
            #expect(clock.now - start >= .milliseconds(300))
            #expect(answer.status == 200)
            #expect(sandbox.sandbox.faultStatuses().first { $0.id == id }?.fired == 1)
        }
    }

    @Test(arguments: [500, 502])
    func httpErrorAnswersAnHTMLPageAndPaysNothing(status: Int) async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(call: .commit, effect: .httpError(status: status)))
            let answer = try await sandbox.pay("Pradhanang", "1695.00", reference: "h1")
            #expect(answer.status == UInt(status))
            #expect(answer.contentType == "text/html")
            #expect(answer.text.contains("<html>"))
            #expect((try? answer.json()) == nil)
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
            #expect(sandbox.sandbox.faultStatuses().first?.fired == 1)
        }
    }

    @Test func nonJSONBodyComesWithHTTP200() async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(call: .balance, effect: .nonJSONBody))
            let answer = try await sandbox.balance()
            #expect(answer.status == 200)
            #expect((try? answer.json()) == nil)
            #expect(sandbox.sandbox.faultStatuses().first?.fired == 1)
        }
    }

    @Test func dropConnectionPaysButTheClientGetsNoAnswer() async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(call: .commit, times: 1, effect: .dropConnection))
            await #expect(throws: (any Error).self) {
                try await sandbox.pay("Pradhanang", "1695.00", reference: "drop1")
            }
            let entries = try await sandbox.sandbox.ledgerEntries(reference: "drop1")
            #expect(entries.count == 1)
            #expect(entries.first?.state == .success)
            #expect(sandbox.sandbox.faultStatuses().first?.fired == 1)
            // The rule is spent: the client's lookup and a resend behave normally.
            #expect(try await sandbox.status("drop1").json()["state"] == .string("Success"))
            #expect(try await sandbox.pay("Pradhanang", "1695.00", reference: "drop1").json()["error_code"] == .string("1013"))
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "drop1").count == 1)
        }
    }

    @Test func answerLatePaysButTheClientTimesOut() async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(call: .commit, effect: .answerLate(milliseconds: 3_000)))
            await #expect(throws: (any Error).self) {
                try await sandbox.post(
                    "/api/servicegroup/commit/arrownet/",
                    #"{"token": "TEST:sandbox", "username": "Pradhanang", "amount": "1695.00", "duration": 1, "reference": "late2"}"#,
                    timeoutMilliseconds: 1_000)
            }
            // The payment was applied before the late answer; on a loaded machine the
            // handler may still be on its way there when the client gives up.
            var entries = try await sandbox.sandbox.ledgerEntries(reference: "late2")
            for _ in 0..<50 where entries.isEmpty {
                try await Task.sleep(for: .milliseconds(100))
                entries = try await sandbox.sandbox.ledgerEntries(reference: "late2")
            }
            #expect(entries.count == 1)
            #expect(sandbox.sandbox.faultStatuses().first?.fired == 1)
        }
    }

    @Test func maintenanceIs1019WithHTTP503AndPaysNothing() async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(effect: .maintenance))
            let answer = try await sandbox.pay("Pradhanang", "1695.00", reference: "m1")
            #expect(answer.status == 503)
            #expect(try answer.json()["error_code"] == .string("1019"))
            #expect(try answer.json()["status"] == .bool(false))
            #expect(try await sandbox.details("Pradhanang").status == 503)
            #expect(try await sandbox.sandbox.ledgerEntries().isEmpty)
            #expect(sandbox.sandbox.faultStatuses().first?.fired == 2)
        }
    }

    @Test func ruleTargetsOneUsernameAndStopsAfterItsTimes() async throws {
        try await TestSandbox.with { sandbox in
            sandbox.sandbox.add(FaultRule(call: .details, username: "queuedok", times: 2, effect: .httpError(status: 502)))
            #expect(try await sandbox.details("Pradhanang").status == 200)
            #expect(try await sandbox.details("QUEUEDOK").status == 502)
            #expect(try await sandbox.details("queuedok").status == 502)
            #expect(try await sandbox.details("queuedok").status == 200)
            let status = try #require(sandbox.sandbox.faultStatuses().first)
            #expect(status.fired == 2)
            #expect(status.isSpent)
            sandbox.sandbox.clearFaults()
            #expect(sandbox.sandbox.faultStatuses().isEmpty)
        }
    }

    @Test func faultsFromTheConfigurationAreInForceFromTheStart() async throws {
        let configuration = SandboxConfiguration(faults: [FaultRule(call: .status, effect: .maintenance)])
        try await TestSandbox.with(configuration) { sandbox in
            let status = try await sandbox.status("x")
            #expect(status.status == 503)
            let details = try await sandbox.details("Pradhanang")
            #expect(details.status == 200)
        }
    }
}
