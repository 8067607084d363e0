import ConsoleCore
import Testing

@Suite("Display width")
struct DisplayWidthTests {
    @Test("ASCII is one column a character")
    func ascii() {
        #expect(displayWidth("Pradhanang") == 10)
        #expect(displayWidth("") == 0)
    }

    @Test("Devanagari: consonants and spacing vowel signs take a column, virama and upper/lower signs none")
    func devanagari() {
        #expect(displayWidth("राम") == 3)          // र + ा (spacing) + म
        #expect(displayWidth("श्रेष्ठ") == 4)      // श ् र े ष ् ठ: four spacing letters
        #expect(displayWidth("राम बहादुर श्रेष्ठ") == 14)
        #expect(displayWidth("गीता") == 4)
        // Fewer graphemes than columns: counting characters would misalign.
        #expect("श्रेष्ठ".count < displayWidth("श्रेष्ठ"))
    }

    @Test("East Asian wide characters take two columns")
    func wide() {
        #expect(displayWidth("日本") == 4)
        #expect(displayWidth("한국어") == 6)
        #expect(displayWidth("ＡＢ") == 4)          // fullwidth forms
        #expect(displayWidth("ｶﾀｶﾅ") == 4)          // halfwidth katakana stays narrow
    }

    @Test("combining marks add nothing; emoji graphemes take two however they are built")
    func combiningAndEmoji() {
        #expect(displayWidth("e\u{301}") == 1)      // é as e + combining acute
        #expect(displayWidth("👍") == 2)
        #expect(displayWidth("👨‍👩‍👧") == 2)          // family joined with ZWJ
        #expect(displayWidth("🇳🇵") == 2)            // flag of Nepal
        #expect(displayWidth("❤️") == 2)             // text heart with emoji presentation
        #expect(displayWidth("a\u{200B}b") == 2)    // zero width space
    }

    @Test("truncation and padding never split a grapheme and count columns")
    func truncating() {
        #expect(truncated("Pradhanang", toColumns: 6) == "Pradh…")
        #expect(truncated("Pradhanang", toColumns: 10) == "Pradhanang")
        #expect(truncated("日本語テキスト", toColumns: 6) == "日本…")
        #expect(truncated("राम बहादुर", toColumns: 4) == "राम…")
        #expect(prefix(of: "日本", fittingIn: 3) == "日")
        #expect(padded("日本", toColumns: 6) == "日本  ")
        #expect(displayWidth(padded("श्रेष्ठ", toColumns: 10)) == 10)
    }

    @Test("wrapping breaks at spaces by columns, inside a word only when it must")
    func wrapping() {
        #expect(wrapped("Ashish Pradhanang - Home", toColumns: 10) == ["Ashish", "Pradhanang", "- Home"])
        #expect(wrapped("abcdefghij", toColumns: 4) == ["abcd", "efgh", "ij"])
        #expect(wrapped("日本語 テキスト", toColumns: 5) == ["日本", "語", "テキ", "スト"])
    }

    @Test("columns line up by display width: a Devanagari or wide cell keeps the next column in place")
    func columns() {
        let lines = alignedColumns([
            ["Counter", "Amount", "Plan"],
            ["राम श्रेष्ठ", "Rs. 1,695.00", "1 month"],
            ["日本", "Rs. 17,628.00", "12 months"],
        ], rightAligned: [1])
        // Columns of 8, 13 and 9: the name is 8 terminal columns (5 graphemes), 日本 is 4.
        #expect(lines == [
            "Counter           Amount   Plan     ",
            "राम श्रेष्ठ    Rs. 1,695.00   1 month  ",
            "日本       Rs. 17,628.00   12 months",
        ])
        // Each line is as wide on a terminal, so the columns after the names line up.
        #expect(Set(lines.map { displayWidth($0) }) == [36])
        // Counting characters instead would pad both names wrongly.
        #expect(displayWidth("राम श्रेष्ठ") == 8 && "राम श्रेष्ठ".count == 5 && "日本".count == 2)
    }
}
