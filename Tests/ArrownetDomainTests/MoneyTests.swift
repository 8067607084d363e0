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

    @Test("an amount Khalti reports is rounded half-even to the paisa, from its digits", arguments: [
        ("777099.369900001", Int64(77_709_937)), ("161155.5", 16_115_550), ("454135.30317999", 45_413_530),
        ("0.125", 12), ("0.135", 14), ("0.1250001", 13), ("0.005", 0), ("0.015", 2), ("1695.00", 169_500),
        ("1694.999900001", 169_500), ("9999999.995", 1_000_000_000), ("10.0", 1_000), ("0.0000000000000000000001", 0),
    ])
    func reportedRounding(text: String, paisa: Int64) throws {
        #expect(try Money(reported: text).paisa == paisa)
    }

    @Test("a reported amount still refuses signs, exponents, grouping and more than a crore", arguments: [
        "-5.001", "1e3", "1,695.005", "10000000.006", "NaN", "", "12.", "123456789.5",
    ])
    func reportedRefuses(text: String) {
        #expect(throws: MoneyParseError.self) { try Money(reported: text) }
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
