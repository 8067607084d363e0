/// A binary PGM graymap (Netpbm "P5"), what `pango-view --backend=ft2` writes: a
/// text header (magic, width, height, maximum value) and one byte a pixel, 0 black.
struct Graymap: Equatable {
    let width: Int
    let height: Int
    let maximum: Int
    /// Row by row, `width` bytes a row.
    let pixels: [UInt8]

    /// Nil for anything but an 8-bit P5 graymap whose pixels are all there.
    init?(pgm bytes: [UInt8]) {
        var index = 0
        /// The next header number; `#` comments run to the end of their line.
        func number() -> Int? {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                } else if Self.isSpace(bytes[index]) {
                    index += 1
                } else {
                    break
                }
            }
            var value = 0
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), value < 1 << 20 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            return index > start ? value : nil
        }
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
        index = 2
        guard let width = number(), let height = number(), let maximum = number(),
              (1...255).contains(maximum), index < bytes.count, Self.isSpace(bytes[index])
        else { return nil }
        // Exactly one whitespace byte separates the header from the pixels.
        index += 1
        guard bytes.count - index >= width * height else { return nil }
        self.width = width
        self.height = height
        self.maximum = maximum
        pixels = Array(bytes[index..<(index + width * height)])
    }

    init(width: Int, height: Int, maximum: Int = 255, pixels: [UInt8]) {
        self.width = width
        self.height = height
        self.maximum = maximum
        self.pixels = pixels
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
