import KhaltiClient
import LiveConsole
import Testing

@Suite("Printer wiring")
struct PrinterWiringTests {
    @Test("the printing layer withholds the very variable the Khalti token is read from")
    func tokenVariable() {
        // Printing does not import KhaltiClient; this keeps its copy of the name honest.
        #expect(ReceiptPrinter.withheldVariables.contains(ConsoleSettings.tokenVariable))
    }
}
