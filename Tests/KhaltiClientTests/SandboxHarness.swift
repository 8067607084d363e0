import ArrownetDomain
import Foundation
import KhaltiSandbox
@testable import KhaltiClient

/// The real client against a real sandbox of the test's own on a free loopback port.
struct SandboxHarness {
    let sandbox: RunningSandbox
    let api: KhaltiAPI

    static func with(
        _ configuration: SandboxConfiguration = SandboxConfiguration(),
        token: String = SandboxToken.value,
        timeouts: KhaltiTimeouts = KhaltiTimeouts(),
        maximumAnswerBytes: Int = KhaltiAPI.defaultMaximumAnswerBytes,
        _ body: (SandboxHarness) async throws -> Void
    ) async throws {
        let sandbox = try await RunningSandbox.start(configuration)
        let api = try KhaltiAPI(
            endpoint: try KhaltiEndpoint(parsing: sandbox.baseURL), token: try KhaltiToken(token),
            timeouts: timeouts, maximumAnswerBytes: maximumAnswerBytes
        )
        do {
            try await body(SandboxHarness(sandbox: sandbox, api: api))
        } catch {
            await api.shutdown()
            await sandbox.stop()
            throw error
        }
        await api.shutdown()
        await sandbox.stop()
    }

    func account(_ name: String) async throws -> Account {
        try await api.accountDetails(for: try Username(name))
    }

    /// Pays the customer's plan of `months` under `reference`, as the console does.
    func pay(_ name: String, months: PlanDuration = .oneMonth, reference: String) async throws -> PaymentResult {
        let account = try await account(name)
        let plan = try #require(account.plan(for: months))
        return await api.pay(PaymentRequest(username: account.username, plan: plan, reference: try PaymentReference(reference)))
    }

    func payments(reference: String) async throws -> Int {
        try await sandbox.ledgerEntries(reference: reference).count
    }

    /// The ledger count once the sandbox has caught up: after a client timeout the
    /// handler of a loaded machine may still be on its way to the ledger.
    func eventualPayments(reference: String) async throws -> Int {
        for _ in 0..<50 {
            let count = try await payments(reference: reference)
            if count > 0 { return count }
            try await Task.sleep(for: .milliseconds(100))
        }
        return 0
    }
}

import Testing
