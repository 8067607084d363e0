import Foundation
import Testing

/// The embedded sandbox answers the balance as Khalti's published example does, with
/// float noise (`98305.0000000001`): the balance command, the shift's Khalti lines and
/// the X report's cross-check of the drawer against Khalti must all still read it.
@Suite("Khalti's published balance shape at the command line")
struct PublishedBalanceTests {
    @Test("balance, and the shift report's Khalti lines (opening, now, drop against paid), read a balance with float noise")
    func shiftKhaltiLines() async throws {
        let runner = try await BinaryRunner.ready()
        let balance = try await runner.run(["balance"])
        #expect(balance.status == 0, "\(balance.stderr)")
        #expect(balance.stdout.contains("Rs. 1,00,000.00"), "\(balance.stdout)")

        let paid = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes"])
        #expect(paid.status == 0, "\(paid.stdout)\(paid.stderr)")
        let report = try await runner.run(["shift", "report", "--json"])
        #expect(report.status == 0, "\(report.stderr)")
        let khalti = try #require(try jsonObject(report.stdout)["khalti_balance"] as? [String: Any])
        #expect(khalti["at_opening"] as? String == "100000.00")
        #expect(khalti["now"] as? String == "98305.00")
        #expect(khalti["drop"] as? String == "1695.00")
        #expect(khalti["paid_to_khalti"] as? String == "1695.00")
        #expect(khalti["difference"] as? String == "0.00")
    }
}
