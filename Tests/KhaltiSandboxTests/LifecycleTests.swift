import AsyncHTTPClient
import Foundation
import KhaltiSandbox
import Testing

@Suite("Start and stop")
struct LifecycleTests {
    @Test func answersAsSoonAsStartReturnsAndReleasesThePortOnStop() async throws {
        let sandbox = try await RunningSandbox.start()
        #expect(sandbox.port > 0)
        #expect(sandbox.baseURL == "http://127.0.0.1:\(sandbox.port)")
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var request = HTTPClientRequest(url: sandbox.baseURL + "/api/balance?token=TEST:sandbox")
        request.method = .GET
        let response = try await client.execute(request, timeout: .seconds(5))
        #expect(response.status.code == 200)
        _ = try await response.body.collect(upTo: 1024)

        await sandbox.stop()
        // AsyncHTTPClient retries a refused connection until the deadline, so keep it short.
        await #expect(throws: (any Error).self) {
            _ = try await client.execute(request, timeout: .milliseconds(300))
        }
        // The same port can be bound again at once.
        let again = try await RunningSandbox.start(SandboxConfiguration(port: sandbox.port))
        #expect(again.port == sandbox.port)
        await again.stop()
        await sandbox.stop()
        try await client.shutdown()
    }

    /// Stopping while clients keep connecting must not trap: cancelling a NIO server
    /// task with a connection accepted but not yet served does (swift-nio issue 3481),
    /// which is why stop() shuts down gracefully.
    @Test func stopsCleanlyUnderLoad() async throws {
        for round in 0..<5 {
            let sandbox = try await RunningSandbox.start()
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let url = sandbox.baseURL + "/api/balance?token=TEST:sandbox"
            let load = Task {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            for _ in 0..<40 {
                                var request = HTTPClientRequest(url: url)
                                request.method = .GET
                                // Once the server is gone every attempt waits out its deadline: stop then.
                                guard let response = try? await client.execute(request, timeout: .milliseconds(200)) else { break }
                                _ = try? await response.body.collect(upTo: 4096)
                            }
                        }
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(10 * (round + 1)))
            await sandbox.stop()
            await load.value
            try await client.shutdown()
        }
    }

    @Test func manySandboxesRunSideBySideWithTheirOwnLedgers() async throws {
        let sandboxes = try await withThrowingTaskGroup(of: RunningSandbox.self) { group in
            for _ in 0..<6 { group.addTask { try await RunningSandbox.start() } }
            return try await group.reduce(into: [RunningSandbox]()) { $0.append($1) }
        }
        #expect(Set(sandboxes.map(\.port)).count == 6)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        for (index, sandbox) in sandboxes.enumerated() {
            var request = HTTPClientRequest(url: sandbox.baseURL + "/api/servicegroup/commit/arrownet/")
            request.method = .POST
            request.body = .bytes(Array(#"{"token": "TEST:sandbox", "username": "Pradhanang", "amount": "1695.00", "duration": 1, "reference": "same-\#(index)"}"#.utf8))
            let response = try await client.execute(request, timeout: .seconds(5))
            #expect(response.status.code == 200)
            _ = try await response.body.collect(upTo: 4096)
        }
        for sandbox in sandboxes {
            #expect(try await sandbox.ledgerEntries().count == 1)
            await sandbox.stop()
        }
        try await client.shutdown()
    }

    @Test func aPortInUseIsAnErrorNotAHang() async throws {
        let first = try await RunningSandbox.start()
        await #expect(throws: (any Error).self) {
            let second = try await RunningSandbox.start(SandboxConfiguration(port: first.port))
            await second.stop()
        }
        await first.stop()
    }
}
