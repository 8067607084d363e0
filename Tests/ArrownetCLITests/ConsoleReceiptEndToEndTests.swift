import Foundation
import Testing

/// In the console's suite: terminals are run one suite at a time (`.leavesNoTerminals`).
extension ConsoleEndToEndTests {
    @Test("the console's receipt is counted: after the console printed it, arrownet receipt says printed before (exit 10)")
    func consoleReceiptIsCounted() async throws {
        try await withConsole { tmux, data in
            try await tmux.waitFor("Customer username")
            try await tmux.confirmPayment("Pradhanang", name: "Ashish Pradhanang - Home (Pradhanang)", planKey: "1")
            try await tmux.waitFor("PAID")
            try await tmux.waitFor("Receipt")
            try tmux.send("Enter")
            try await tmux.waitFor("Customer username")
            try tmux.send("C-q")
            try await waitUntilExited(tmux)

            let runner = try BinaryRunner(home: data.deletingLastPathComponent())
            let history = try await runner.run(["history", "--json"])
            let payments = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
            let reference = try #require(payments.first?["reference"] as? String, "\(history.stdout)")
            let refused = try await runner.run(["receipt", reference])
            #expect(refused.status == 10, "\(refused.stdout)\(refused.stderr)")
            #expect(refused.stderr.contains("was printed before"), "\(refused.stderr)")
            let again = try await runner.run(["receipt", reference, "--reprint", "--json"])
            #expect(again.status == 0, "\(again.stderr)")
            let object = try jsonObject(again.stdout)
            #expect(object["reprint"] as? Bool == true)
            #expect(object["printed_before"] as? Int == 1)
        }
    }
}
