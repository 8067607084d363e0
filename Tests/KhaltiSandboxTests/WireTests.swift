import ArrownetDomain
import Testing
@testable import KhaltiSandbox

@Suite("Wire JSON written by the sandbox")
struct WireTests {
    @Test(arguments: [
        (0, "0.0"), (1000, "10.0"), (169_500, "1695.0"), (169_550, "1695.5"), (113_005, "1130.05"),
        (10_000_000, "100000.0"), (1, "0.01"), (-169_500, "-1695.0"),
    ] as [(Int64, String)])
    func rupeesAreWrittenFromPaisaExactly(paisa: Int64, text: String) {
        #expect(WireJSON.rupees(Money(paisa: paisa)).text == text)
    }

    @Test func stringsAreEscapedAndUnicodeIsKept() {
        let value = WireJSON.string("a\"b\\c\nd\u{01}राम")
        #expect(value.text == #""a\"b\\c\nd\u0001राम""#)
    }

    @Test func objectsKeepTheirKeyOrder() {
        let value = WireJSON.object(["z": .bool(true), "a": .null, "m": .array([.integer(1), .number("2.5")])])
        #expect(value.text == #"{"z": true, "a": null, "m": [1, 2.5]}"#)
    }

    @Test func numbersInRequestsKeepTheirDigits() throws {
        let parameters = try WireParameters.parse(
            query: [], body: Array(#"{"amount": 1695.005, "duration": 3, "big": 12345678901234567890.12, "token": null}"#.utf8))
        #expect(parameters.text("amount") == "1695.005")
        #expect(parameters.text("duration") == "3")
        #expect(parameters.text("big") == "12345678901234567890.12")
        #expect(parameters.text("token") == nil)
        #expect(parameters.isPresent("token") == false)
    }

    @Test func queryParametersWinOverTheBody() throws {
        let parameters = try WireParameters.parse(query: [("reference", "fromQuery")], body: Array(#"{"reference": "fromBody", "token": "t"}"#.utf8))
        #expect(parameters.text("reference") == "fromQuery")
        #expect(parameters.text("token") == "t")
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
    func loopbackHostsServeTheAdminEndpoint(host: String) {
        #expect(RunningSandbox.isLoopback(host))
    }

    @Test(arguments: ["0.0.0.0", "192.168.1.10", "::", "example.com"])
    func otherHostsDoNot(host: String) {
        #expect(!RunningSandbox.isLoopback(host))
    }
}
