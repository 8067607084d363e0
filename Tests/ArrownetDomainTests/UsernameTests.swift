import Testing
@testable import ArrownetDomain

@Suite("Username")
struct UsernameTests {
    @Test("accepts login names", arguments: [
        ("Pradhanang", "Pradhanang"), ("  ram.shrestha  ", "ram.shrestha"), ("user_01", "user_01"),
        ("a-b@arrownet", "a-b@arrownet"), ("x", "x"), (String(repeating: "a", count: 50), String(repeating: "a", count: 50)),
        ("\tsita\n", "sita"),
    ])
    func accepts(raw: String, value: String) throws {
        #expect(try Username(raw).value == value)
    }

    @Test("refuses with a reason")
    func refuses() {
        #expect(throws: UsernameError.empty) { try Username("") }
        #expect(throws: UsernameError.empty) { try Username("   \n") }
        #expect(throws: UsernameError.tooLong(length: 51)) { try Username(String(repeating: "a", count: 51)) }
        #expect(throws: UsernameError.invalidCharacter(" ")) { try Username("ram shrestha") }
        #expect(throws: UsernameError.invalidCharacter("\u{7}")) { try Username("ram\u{7}") }
        #expect(throws: UsernameError.invalidCharacter("रा")) { try Username("राम") }
        #expect(throws: UsernameError.invalidCharacter("'")) { try Username("x' OR 1=1") }
        #expect(throws: UsernameError.invalidCharacter("é")) { try Username("café") }
    }

    @Test("messages name invisible characters")
    func messages() {
        #expect(UsernameError.invalidCharacter(" ").description.contains("a space"))
        #expect(UsernameError.invalidCharacter("\u{7}").description.contains("control character (U+7)"))
        #expect(UsernameError.tooLong(length: 60).description.contains("60"))
    }
}
