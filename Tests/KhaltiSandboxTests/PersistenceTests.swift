import ArrownetDomain
import Foundation
import KhaltiSandbox
import Testing

@Suite("Ledger survives a restart")
struct PersistenceTests {
    @Test func restartOnTheSameFolderKnowsEveryReferenceAndTheBalance() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }

        let first = SandboxConfiguration(dataDirectory: folder, openingBalance: Money(rupees: 50_000))
        try await TestSandbox.with(first) { sandbox in
            let answers = [
                try await sandbox.pay("Pradhanang", "1695.00", reference: "p1"),
                try await sandbox.pay("queuedfail", "5085.00", months: 3, reference: "p2"),
                try await sandbox.pay("failnow", "1695.00", reference: "p3"),
            ]
            #expect(answers.map(\.status) == [200, 200, 200])
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sandbox-ledger.sqlite").path))

        // A different opening balance does not reset a ledger that already exists.
        let second = SandboxConfiguration(dataDirectory: folder, openingBalance: Money(rupees: 1))
        try await TestSandbox.with(second) { sandbox in
            let credits = try await sandbox.credits()
            #expect(credits.available == .of("43220"))
            #expect(credits.consumed == .of("6780"))

            let p1 = try await sandbox.status("p1").json()
            #expect(p1["state"] == .string("Success"))
            #expect(p1["amount"] == .number(.of("1695")))
            let p3 = try await sandbox.status("p3").json()
            #expect(p3["state"] == .string("Failed"))
            #expect(p3["refunded_amount"] == .number(.of("1695")))

            // Still pending after the restart, and it settles as scripted.
            #expect(try await sandbox.sandbox.ledgerEntries(reference: "p2").first?.state == .queued)
            #expect(try await sandbox.status("p2").json()["state"] == .string("Failed"))
            #expect(try await sandbox.credits().available == .of("48305"))

            let again = try await sandbox.pay("Pradhanang", "1695.00", reference: "p1")
            #expect(try again.json()["error_code"] == .string("1013"))
            #expect(try await sandbox.sandbox.ledgerEntries().count == 3)
        }
    }
}
