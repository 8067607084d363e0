import ArrownetDomain
import ConsoleCore
import Foundation
import Testing
import TerminalUI

/// The balance watched before the cash is taken: the header below `low_balance`, and
/// each plan the balance cannot cover marked on the account screen.
@Suite("Screens: a low Khalti balance is said before the cash is taken")
struct LowBalanceScreenTests {
    @Test("above the threshold the header shows the balance plainly; below it, LOW in words and red", arguments: [(80, 24), (60, 16)])
    func header(width: Int, height: Int) {
        var scenario = Scenario()
        // 60 columns hold only the held count beside the counter, unless the balance is low.
        let plain = scenario.render(width, height).split(separator: "\n")[0]
        #expect(plain.contains("Balance Rs. 1,00,000.00") || (width < 70 && !plain.contains("LOW")), "\(plain)")
        scenario.send(.balanceLoaded(.success(Money(rupees: 4_999))))
        let buffer = scenario.buffer(width, height)
        let top = buffer.lines[0]
        #expect(top.contains("LOW"), "\(top)")
        #expect(top.contains("Rs. 4,999.00") || width < 70, "\(top)")
        let column = top.range(of: "LOW").map { top.distance(from: top.startIndex, to: $0.lowerBound) } ?? 0
        #expect(buffer[column, 0].style.foreground == .red)
    }

    @Test("the threshold is the config's: at Rs. 1,000 a balance of Rs. 4,999 is not low")
    func threshold() {
        var scenario = Scenario()
        scenario.state.header.lowBalance = Money(rupees: 1_000)
        scenario.send(.balanceLoaded(.success(Money(rupees: 4_999))))
        #expect(!scenario.render(80, 24).split(separator: "\n")[0].contains("LOW"))
        scenario.send(.balanceLoaded(.success(Money(rupees: 999))))
        #expect(scenario.render(80, 24).split(separator: "\n")[0].contains("LOW"))
    }

    @Test("a plan above the balance is marked ! and explained; the others are not", arguments: [(80, 24), (60, 16)])
    func plansAboveTheBalance(width: Int, height: Int) {
        var scenario = Scenario()
        // 1 month costs Rs. 1,695.00 and 3 months Rs. 5,085.00 (ConsoleSamples' account).
        scenario.send(.balanceLoaded(.success(Money(rupees: 2_000))))
        scenario.lookUp(Scenario.account())
        let screen = scenario.render(width, height)
        #expect(screen.contains("!Rs. 5,085.00"), "\(screen)")
        #expect(!screen.contains("!Rs. 1,695.00"), "\(screen)")
        #expect(screen.contains("! costs more than the counter's Khalti balance"), "\(screen)")
    }

    @Test("with the balance unknown or enough, no plan is marked")
    func nothingMarked() {
        var enough = Scenario()
        enough.lookUp(Scenario.account())
        #expect(!enough.render(80, 24).contains("!Rs."))
        var unknown = Scenario()
        unknown.state.header.balance = nil
        unknown.lookUp(Scenario.account())
        #expect(!unknown.render(80, 24).contains("!Rs."))
    }
}
