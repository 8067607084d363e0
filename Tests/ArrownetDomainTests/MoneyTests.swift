import Testing
@testable import ArrownetDomain

@Suite("Money")
struct MoneyTests {
    @Test("parses the wire's decimal strings exactly", arguments: [
        ("1695.00", Int64(169_500)), ("1695", 169_500), ("17628.5", 1_762_850), ("0.05", 5),
        ("0", 0), ("00012.30", 1_230), ("10000000.00", 1_000_000_000), ("9492.99", 949_299),
    ])
    func parses(text: String, paisa: Int64) throws {
        #expect(try Money(wire: text).paisa == paisa)
    }

    @Test("refuses what Khalti never sends", arguments: [
        "1,695.00", "1e3", "-5", "-0.01", "+5", "1695.001", "", " ", "12.", ".5", "1.2.3",
        "Rs. 5", "१२३", "99999999999999999999999", "10000000.01", "0x10", "NaN", "1 695",
    ])
    func refuses(text: String) {
        #expect(throws: MoneyParseError.self) { try Money(wire: text) }
    }

    @Test("names the problem")
    func errorKinds() {
        #expect(throws: MoneyParseError.empty) { try Money(wire: "") }
        #expect(throws: MoneyParseError.tooManyDecimals("1.234")) { try Money(wire: "1.234") }
        #expect(throws: MoneyParseError.tooLarge("123456789")) { try Money(wire: "123456789") }
        #expect(throws: MoneyParseError.notADecimal("1,695.00")) { try Money(wire: "1,695.00") }
    }

    @Test("echoes the wire form with two decimals", arguments: [
        (Int64(169_500), "1695.00"), (5, "0.05"), (1_762_850, "17628.50"), (0, "0.00"), (-150, "-1.50"),
    ])
    func wireString(paisa: Int64, text: String) throws {
        #expect(Money(paisa: paisa).wireString == text)
        if paisa >= 0 { #expect(try Money(wire: text).paisa == paisa) }
    }

    @Test("formats with lakh grouping", arguments: [
        (Int64(169_500), "Rs. 1,695.00"), (10_000_000, "Rs. 1,00,000.00"), (5, "Rs. 0.05"),
        (99_900, "Rs. 999.00"), (1_234_567_89, "Rs. 12,34,567.89"), (1_000_000_000, "Rs. 1,00,00,000.00"),
        (176_280_0, "Rs. 17,628.00"), (0, "Rs. 0.00"), (-169_500, "-Rs. 1,695.00"),
    ])
    func formats(paisa: Int64, text: String) {
        #expect(Money(paisa: paisa).formatted == text)
    }

    @Test("arithmetic stays in paisa")
    func arithmetic() {
        #expect(Money(rupees: 1695) * 3 - Money(paisa: 508_500) == .zero)
        #expect(Money(paisa: 1) + Money(paisa: 2) == Money(paisa: 3))
        #expect(Money(paisa: 1) < Money(paisa: 2))
    }
}

@Suite("Amounts as a clerk types them")
struct TypedMoneyTests {
    @Test("grouping commas and Rs. are dropped; the rest is read like Khalti's amounts", arguments: [
        ("5000", 500_000), ("5,000.50", 500_050), ("5000.5", 500_050), ("Rs. 1,00,000", 10_000_000), ("1,000,000", 100_000_000),
        (" 0 ", 0), ("Rs 25.05", 2505),
    ] as [(String, Int64)])
    func accepted(text: String, paisa: Int64) throws {
        #expect(try Money(typed: text) == Money(paisa: paisa))
    }

    @Test("what is not an amount is refused", arguments: ["", "five", "5,00", ",500", "5,,000", "1,000.", "-5", "5.123", "5,000.5,0", "1e3"])
    func refused(text: String) {
        #expect(throws: MoneyParseError.self) { try Money(typed: text) }
    }
}
