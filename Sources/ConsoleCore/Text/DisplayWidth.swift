/// How many terminal columns a text takes, the one measure used for layout,
/// truncation and the cursor alike (screens and receipts).
///
/// Counted per grapheme (what the clerk sees as one letter), then per scalar
/// inside it the way terminals (glibc `wcwidth`, which ncursesw uses) count:
/// - combining marks that sit on a letter (Mn, Me), format characters (Cf) and
///   controls take no column: Devanagari `ि` or `्` adds nothing to its consonant;
/// - Devanagari spacing vowel signs (Mc, like `ा`) take one column, as terminals draw them;
/// - East Asian wide and fullwidth characters take two;
/// - a grapheme shown as an emoji takes two, however many scalars build it
///   (a family joined with ZWJ, a flag, a keycap).
public func displayWidth(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + displayWidth($1) }
}

public func displayWidth(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    if scalars.contains(where: isEmojiPresented) { return 2 }
    // A flag is two regional indicators; one alone is drawn narrow.
    if scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0.value) }) { return 2 }
    return scalars.reduce(0) { $0 + scalarWidth($1) }
}

/// The prefix of `text` that fits in `columns`, never splitting a grapheme.
public func prefix(of text: String, fittingIn columns: Int) -> String {
    var used = 0
    var result = ""
    for character in text {
        let width = displayWidth(character)
        if used + width > columns { break }
        used += width
        result.append(character)
    }
    return result
}

/// `text` cut to `columns`, ending in `…` when something was cut.
public func truncated(_ text: String, toColumns columns: Int) -> String {
    guard displayWidth(text) > columns else { return text }
    guard columns > 0 else { return "" }
    return prefix(of: text, fittingIn: columns - 1) + "…"
}

/// `text` followed by spaces up to `columns` (unchanged when already as wide).
public func padded(_ text: String, toColumns columns: Int) -> String {
    text + String(repeating: " ", count: max(0, columns - displayWidth(text)))
}

private func isEmojiPresented(_ scalar: Unicode.Scalar) -> Bool {
    // U+FE0F asks for emoji presentation of the scalar before it (❤️, ☎️).
    scalar.value == 0xFE0F || scalar.properties.isEmojiPresentation
}

private func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control:
        return 0
    default:
        break
    }
    // Hangul medial vowels and final consonants join the syllable before them.
    if (0x1160...0x11FF).contains(scalar.value) { return 0 }
    return isWide(scalar.value) ? 2 : 1
}

/// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F), the
/// ranges terminals draw two columns wide. Swift exposes no such property.
private func isWide(_ value: UInt32) -> Bool {
    wideRanges.contains { $0.contains(value) }
}

private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,   // Hangul initial consonants
    0x231A...0x231B, 0x2329...0x232A,
    0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols and punctuation
    0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, CJK compatibility
    0x3400...0x4DBF,   // CJK extension A
    0x4E00...0x9FFF,   // CJK unified ideographs
    0xA000...0xA4CF,   // Yi
    0xA960...0xA97F,   // Hangul jamo extended A
    0xAC00...0xD7A3,   // Hangul syllables
    0xF900...0xFAFF,   // CJK compatibility ideographs
    0xFE10...0xFE19, 0xFE30...0xFE6F,  // vertical forms, CJK compatibility forms, small forms
    0xFF00...0xFF60, 0xFFE0...0xFFE6,  // fullwidth forms
    0x16FE0...0x16FE4, 0x17000...0x18CFF,  // Tangut, Khitan
    0x1B000...0x1B2FF,  // Kana supplement and extensions
    0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
]
