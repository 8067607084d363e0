/// The ESC/POS commands this console sends, as bytes: the common subset of Epson's
/// ESC/POS that 80 mm thermal printers of every make follow.
public enum EscposCommands {
    /// ESC @: forget any modes a previous job left (bold, size, code page).
    public static let initialize: [UInt8] = [0x1B, 0x40]
    /// ESC t 0: code page 437, whose bytes 0x20 to 0x7E are ASCII.
    public static let asciiCodePage: [UInt8] = [0x1B, 0x74, 0x00]
    /// ESC R 0: the USA character set, so `#`, `$`, `@` and the brackets are themselves
    /// (other sets put national letters on those bytes).
    public static let usaCharacterSet: [UInt8] = [0x1B, 0x52, 0x00]
    public static let lineFeed: [UInt8] = [0x0A]
    /// GS V 1: a partial cut, leaving a hinge so the receipt does not fall.
    public static let partialCut: [UInt8] = [0x1D, 0x56, 0x01]

    /// ESC E n: emphasised (bold) on or off.
    public static func bold(_ on: Bool) -> [UInt8] { [0x1B, 0x45, on ? 1 : 0] }

    /// GS ! n: character size; bit 0 doubles the height, the width stays single so a
    /// line keeps its 42 columns.
    public static func doubleHeight(_ on: Bool) -> [UInt8] { [0x1D, 0x21, on ? 0x01 : 0x00] }

    /// ESC d n: prints what is buffered and feeds n lines (the cutter sits a few lines
    /// above the print head, so the last line would otherwise be cut through).
    public static func feed(lines: UInt8) -> [UInt8] { [0x1B, 0x64, lines] }

    /// ESC p m t1 t2: a pulse on the drawer connector's pin m (0: pin 2, 1: pin 5),
    /// on for t1 x 2 ms, then off for t2 x 2 ms.
    public static func pulse(pin: UInt8, onUnits: UInt8, offUnits: UInt8) -> [UInt8] {
        [0x1B, 0x70, pin, onUnits, offUnits]
    }

    /// GS v 0 0 xL xH yL yH d...: a raster image, `widthBytes` bytes a row (8 dots to
    /// a byte, most significant first, 1 is black), `rows` rows.
    public static func raster(widthBytes: Int, rows: Int, bits: some Collection<UInt8>) -> [UInt8] {
        [0x1D, 0x76, 0x30, 0x00, UInt8(widthBytes & 0xFF), UInt8(widthBytes >> 8), UInt8(rows & 0xFF), UInt8(rows >> 8)]
            + Array(bits)
    }
}
