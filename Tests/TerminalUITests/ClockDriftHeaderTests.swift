import ArrownetDomain
import ConsoleCore
import Foundation
import Testing
import TerminalUI

/// A counter whose clock is more than two minutes from the journal's says so in its
/// header, in words, on every screen; within two minutes it says nothing. (Narrower than
/// about 70 columns the header keeps the held count alone, as it does for the balance.)
@Suite("Screens: a counter's clock off the journal's is said in the header")
struct ClockDriftHeaderTests {
    @Test("5 minutes behind or ahead: the header says CLOCK and by how much; within 2 minutes, nothing", arguments: [(80, 24), (120, 30)])
    func header(width: Int, height: Int) {
        var scenario = Scenario()
        scenario.send(.clockCompared(-90))
        #expect(!scenario.render(width, height).split(separator: "\n")[0].contains("CLOCK"))
        scenario.send(.clockCompared(-300))
        let behind = scenario.render(width, height).split(separator: "\n")[0]
        #expect(behind.contains("CLOCK 5 min behind"), "\(behind)")
        #expect(behind.contains("Held"), "the held count stays: \(behind)")
        scenario.send(.clockCompared(301))
        #expect(scenario.render(width, height).split(separator: "\n")[0].contains("CLOCK 5 min ahead"))
        // Not measured (the journal cannot be reached): nothing is claimed.
        scenario.send(.clockCompared(nil))
        #expect(!scenario.render(width, height).split(separator: "\n")[0].contains("CLOCK"))
    }
}
