import ArrownetDomain
import ConsoleCore
import Testing
@testable import TerminalUI

/// A customer's name from a hostile server reaches the curses screen only as cells of
/// visible text: no cell holds a control, DEL, C1 control or bidirectional override,
/// so nothing the server chose can move the cursor, retitle the window, ring, kick the
/// drawer through a printer on the terminal, or reverse the digits of an amount.
@Suite("Screen: a hostile name leaves no control in the buffer")
struct HostileNameScreenTests {
    /// `\r`, `ESC [2K`, an OSC title (`ESC ] 0;title BEL`), BEL, NUL, `ESC p` (the
    /// ESC/POS drawer kick), U+202E, a one-byte CSI U+009B, DEL, and a tab and line break.
    static let hostile = "Ram\r\u{1B}[2K\u{1B}]0;title\u{07}\u{07}\u{00}\u{1B}p0\u{202E}5000\u{9B}2J\u{7F}\tThapa\nHome"

    static func controls(in buffer: ScreenBuffer) -> [String] {
        buffer.cells.compactMap { cell in
            cell.text.unicodeScalars.contains(where: OutsideText.isUnsafe)
                ? cell.text.unicodeScalars.map { "U+" + String($0.value, radix: 16) }.joined(separator: " ") : nil
        }
    }

    @Test("written straight into the buffer")
    func buffer() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 80, height: 1))
        buffer.write(Self.hostile, x: 0, y: 0)
        #expect(Self.controls(in: buffer).isEmpty, "\(Self.controls(in: buffer))")
        // The printable rest is there to be seen, on the one row.
        #expect(buffer.lines[0].hasPrefix("Ram [2K]0;titlep05000"), "\(buffer.lines)")
        #expect(buffer.lines[0].contains("Thapa Home"))
    }

    @Test("the account screen and the confirmation read back to the customer, at 80x24 and 60x16", arguments: [(80, 24), (60, 16)])
    func screens(width: Int, height: Int) throws {
        var scenario = Scenario()
        scenario.lookUp(Scenario.account(fullName: Self.hostile))
        guard case .account = scenario.state.screen else {
            Issue.record("not on the account screen: \(scenario.state.screen)")
            return
        }
        let account = scenario.buffer(width, height)
        #expect(Self.controls(in: account).isEmpty, "\(Self.controls(in: account))")
        #expect(account.lines.contains { $0.contains("Ram [2K") }, "\(account.lines.joined(separator: "\n"))")

        scenario.press(.character("3"))
        let confirmation = scenario.buffer(width, height)
        #expect(Self.controls(in: confirmation).isEmpty, "\(Self.controls(in: confirmation))")
        let text = confirmation.lines.joined(separator: "\n")
        #expect(text.contains("Confirm payment"), "\(text)")
        // The amount the clerk reads out is on screen as it is, on a line the name did not take.
        let amountLine = try #require(confirmation.lines.first { $0.contains("Rs. 5,085.00") }, "\(text)")
        #expect(!amountLine.contains("Ram"))
    }
}
