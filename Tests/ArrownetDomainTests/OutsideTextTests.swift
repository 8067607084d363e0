import Foundation
import Testing
@testable import ArrownetDomain

/// The one sanitiser for text from outside: every class of scalar that can act on a
/// terminal, file or printer, shown as `?` (or escaped in JSON); everything a name is
/// written in left alone.
@Suite("Outside text: one sanitiser for names, plans and Khalti's words")
struct OutsideTextTests {
    /// A `full_name` a hostile server could send: carriage return and erase-line (to
    /// overwrite the amount read out), an OSC title, BEL, NUL, ESC p (the drawer kick),
    /// a right-to-left override, a one-byte CSI (U+009B) and DEL.
    static let hostile = "Ram\r\u{1B}[2K\u{1B}]0;title\u{07}\u{00}\u{1B}p0\u{19}\u{FA}\u{202E}5000\u{9B}2J\u{7F}"

    /// One of each class, by its value.
    static let unsafeScalars: [UInt32] =
        Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F)
        + [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029]

    @Test("every C0 control, DEL, every C1 control, every bidirectional mark, override and isolate is unsafe")
    func unsafeClasses() throws {
        for value in Self.unsafeScalars {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(OutsideText.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
        // The edges of the ranges are safe.
        for value: UInt32 in [0x20, 0x7E, 0xA0, 0x061B, 0x200B, 0x200C, 0x200D, 0x2027, 0x2065, 0x206A, 0x202F] {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(!OutsideText.isUnsafe(scalar), "U+\(String(value, radix: 16))")
        }
    }

    @Test("a one-line field: each unsafe scalar is ?, a tab or line break a space; the printable rest stays")
    func oneLine() {
        #expect(OutsideText.line(Self.hostile) == "Ram ?[2K?]0;title???p0?\u{FA}?5000?2J?")
        #expect(OutsideText.line("Ram\nBahadur\tThapa\r\nHome") == "Ram Bahadur Thapa  Home")
        #expect(OutsideText.line("a\u{2028}b\u{2029}c") == "a b c")
        for value in Self.unsafeScalars {
            let cleaned = OutsideText.line("x" + String(Unicode.Scalar(value)!) + "y")
            #expect(OutsideText.isSafe(cleaned), "U+\(String(value, radix: 16))")
            #expect(cleaned.unicodeScalars.count == 3)
        }
    }

    @Test("laid-out text keeps its line breaks and tabs; a lone \\r is shown, not obeyed")
    func laidOut() {
        #expect(OutsideText.lines("Customer\tRam\nAmount\tRs. 1,695.00\n") == "Customer\tRam\nAmount\tRs. 1,695.00\n")
        #expect(OutsideText.lines("Ram\r\u{1B}[2KAmount") == "Ram??[2KAmount")
        #expect(OutsideText.lines(Self.hostile).unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || !OutsideText.isUnsafe($0) })
        #expect(OutsideText.lines("a\u{9B}b\u{202E}c") == "a?b?c")
        // A line end written as CRLF (CSV's, inside a quoted field) only starts the next line: kept.
        #expect(OutsideText.lines("one\r\ntwo\r\r\nthree\r") == "one\r\ntwo?\r\nthree?")
        #expect(OutsideText.lines("\r") == "?")
    }

    @Test("Devanagari with its joiners, accents, CJK and emoji pass untouched")
    func namesUntouched() {
        for name in [
            "राम बहादुर श्रेष्ठ", "क्‍ष", "र्‍य", "श्‌री", "Ashish Pradhanang - Home", "José Müller", "山田太郎", "👨‍👩‍👧", "Ram's \"Home\", 2nd floor",
        ] {
            #expect(OutsideText.isSafe(name), "\(name)")
            #expect(OutsideText.line(name) == name)
            #expect(OutsideText.lines(name) == name)
            #expect(OutsideText.jsonEscaped(name) == name)
        }
        // ZWJ (U+200D) and ZWNJ (U+200C) are the scalars, not just the look.
        #expect(OutsideText.line("क्\u{200D}ष").unicodeScalars.map(\.value) == [0x915, 0x94D, 0x200D, 0x937])
        #expect(OutsideText.line("क्\u{200C}ष").unicodeScalars.map(\.value) == [0x915, 0x94D, 0x200C, 0x937])
    }

    /// Names for the JSON round trip; looped over inside the test, not passed as its
    /// arguments, which the test runner would print raw to the terminal running it.
    static let jsonNames = [
        hostile, "DEL\u{7F} C1\u{85}\u{9B} override\u{202E}1234\u{202C} isolate\u{2066}x\u{2069} sep\u{2028}",
        "राम बहादुर श्रेष्ठ", "tab\tline\nquote\"backslash\\",
    ]

    @Test("JSON: every unsafe scalar as a \\u escape, and the document parses back to the same string")
    func jsonRoundTrip() throws {
        for name in Self.jsonNames { try jsonRoundTrip(name: name) }
    }

    func jsonRoundTrip(name: String) throws {
        for options: JSONSerialization.WritingOptions in [[.sortedKeys], [.sortedKeys, .prettyPrinted]] {
            let raw = String(decoding: try JSONSerialization.data(withJSONObject: ["full_name": name, "plans": [name]], options: options), as: UTF8.self)
            let escaped = OutsideText.jsonEscaped(raw)
            #expect(escaped.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || !OutsideText.isUnsafe($0) }, "\(escaped)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: Any])
            #expect(object["full_name"] as? String == name)
            #expect(object["plans"] as? [String] == [name])
        }
        let encoded = String(decoding: try JSONEncoder().encode(["full_name": name]), as: UTF8.self)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(OutsideText.jsonEscaped(encoded).utf8))
        #expect(decoded["full_name"] == name)
    }

    @Test("JSON escapes are four lower-case hex digits")
    func jsonEscapeForm() {
        #expect(OutsideText.jsonEscaped("\"a\u{7F}b\u{9B}c\u{202E}\"") == #""a\u007fb\u009bc\u202e""#)
    }

    @Test("already clean text is returned as it is")
    func cleanUnchanged() {
        let text = String(repeating: "Ashish Pradhanang - Home ", count: 100)
        #expect(OutsideText.line(text) == text)
        #expect(OutsideText.lines(text) == text)
        #expect(OutsideText.jsonEscaped(text) == text)
    }
}
