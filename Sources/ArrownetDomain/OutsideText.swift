/// Text that came from outside the program (a Khalti answer, a journal row another
/// version wrote, a config file) made safe before a terminal, a file or a printer sees it.
///
/// A name is shown on the clerk's screen, read back to the customer, written into
/// receipt files and handed to the print command. Any of these can be driven by a byte
/// the server chose: `\r` and `ESC [2K` overwrite the amount the clerk reads out, an OSC
/// sequence retitles the window, BEL rings, `ESC p` kicks the cash drawer open, and a
/// bidirectional override shows `0005` as `5000`. So every such scalar is shown as `?`:
/// visible (a person can tell that something was there), and inert.
///
/// Only the scalar that acts is replaced; the printable rest of a sequence stays
/// (`ESC [2K` reads `?[2K`), so a person looking at it can tell what was sent.
public enum OutsideText {
    /// What a one-line field shows in place of an unsafe scalar.
    public static let replacement: Character = "?"

    private static let replacementScalar = Unicode.Scalar(UInt8(ascii: "?"))

    /// Whether a scalar can act on a terminal, file or printer instead of being read:
    /// C0 controls, DEL, C1 controls (U+0080 to U+009F; U+009B is a one-byte CSI to
    /// many terminals), the bidirectional marks, embeddings, overrides and isolates, and
    /// the Unicode line and paragraph separators (a line break to some viewers, none to
    /// others, so a layout cannot count on either). Zero-width joiners (U+200C, U+200D)
    /// stay: Devanagari conjuncts and half forms need them.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// Whether `text` has nothing to clean.
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains(where: isUnsafe)
    }

    /// One line of outside text (a name, a plan, a sentence of Khalti's): a tab or line
    /// break becomes a space (a name split over two lines is still the name), every other
    /// unsafe scalar becomes `?`.
    public static func line(_ text: some StringProtocol) -> String {
        guard !isSafe(text) else { return String(text) }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r", "\u{2028}", "\u{2029}": scalars.append(" ")
            case _ where isUnsafe(scalar): scalars.append(replacementScalar)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Text of several lines that the program itself laid out (a report, a table, CSV,
    /// a sentence for standard error): line ends (`\n`, and `\r\n` as CSV writes one
    /// inside a quoted field) and tabs stay, every other unsafe scalar becomes `?`. A lone
    /// `\r` is unsafe here too: it returns the cursor to overwrite what was written on the
    /// line, where `\r\n` only starts the next one.
    public static func lines(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || isUnsafeInLines($0) }) else { return String(text) }
        var kept = String.UnicodeScalarView()
        // A `\r` is decided by the scalar after it.
        var carriageReturn = false
        for scalar in text.unicodeScalars {
            if carriageReturn {
                kept.append(scalar == "\n" ? "\r" : replacementScalar)
                carriageReturn = false
            }
            if scalar == "\r" {
                carriageReturn = true
            } else {
                kept.append(isUnsafeInLines(scalar) ? replacementScalar : scalar)
            }
        }
        if carriageReturn { kept.append(replacementScalar) }
        return String(kept)
    }

    private static func isUnsafeInLines(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && isUnsafe(scalar)
    }

    /// JSON text with every unsafe scalar written as a `\uXXXX` escape, so the document
    /// means the same and a terminal that shows it sees no control. JSON encoders escape
    /// C0 already; DEL, C1 and the bidirectional scalars they leave raw. Those scalars
    /// cannot occur outside strings in an encoder's output, so escaping them everywhere
    /// is exact; `\n` and `\t` are left alone, since outside strings they are the pretty
    /// printer's white space (inside strings an encoder has escaped them).
    public static func jsonEscaped(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isUnsafeInLines) else { return json }
        var output = ""
        output.reserveCapacity(json.utf8.count + 16)
        for scalar in json.unicodeScalars {
            if isUnsafeInLines(scalar) {
                // Every unsafe scalar is below U+10000: four hex digits, no surrogate pair.
                let hex = String(scalar.value, radix: 16, uppercase: false)
                output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
