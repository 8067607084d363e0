/// A 1-bit picture as the printer's head draws it: `width` dots a row (a multiple of
/// 8), rows top to bottom, 8 dots to a byte, most significant first, 1 burns black.
public struct RasterImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let bits: [UInt8]

    public var bytesPerRow: Int { width / 8 }

    public init(width: Int, height: Int, bits: [UInt8]) {
        precondition(width % 8 == 0 && bits.count == width / 8 * height, "a raster row is whole bytes")
        self.width = width
        self.height = height
        self.bits = bits
    }

    /// A graymap thresholded at half its range (darker is black), cut or padded with
    /// white on the right to `width` dots, at most `maxHeight` rows.
    init(graymap: Graymap, width: Int, maxHeight: Int) {
        let rows = min(graymap.height, maxHeight)
        let columns = min(graymap.width, width)
        var bits = [UInt8](repeating: 0, count: width / 8 * rows)
        for row in 0..<rows {
            let source = row * graymap.width
            let target = row * width / 8
            for column in 0..<columns where Int(graymap.pixels[source + column]) * 2 < graymap.maximum {
                bits[target + column / 8] |= 0x80 >> UInt8(column % 8)
            }
        }
        self.init(width: width, height: rows, bits: bits)
    }

    /// Whether anything is black: a shaper that drew nothing drew no name.
    public var isBlank: Bool { bits.allSatisfy { $0 == 0 } }

    /// GS v 0 blocks of at most `rowsPerBlock` rows: some printers take no taller
    /// image in one command, and smaller blocks never overrun a small input buffer.
    public func escposBytes(rowsPerBlock: Int = 255) -> [UInt8] {
        var bytes: [UInt8] = []
        var row = 0
        while row < height {
            let rows = min(rowsPerBlock, height - row)
            let slice = bits[(row * bytesPerRow)..<((row + rows) * bytesPerRow)]
            bytes += EscposCommands.raster(widthBytes: bytesPerRow, rows: rows, bits: slice)
            row += rows
        }
        return bytes
    }
}
