/// ESC/POS bytes read back into commands and printed lines, so a test that fails
/// says "cut missing" or "line 3 not bold" instead of showing a hex diff. Written
/// from Epson's command reference, independently of the encoder.
enum EscposCommand: Equatable, CustomStringConvertible {
    case initialize
    case codePage(UInt8)
    case characterSet(UInt8)
    case bold(Bool)
    /// GS !: width and height multipliers (1 = normal).
    case size(width: Int, height: Int)
    case text(String)
    case lineFeed
    case feed(lines: Int)
    case cut(partial: Bool)
    case pulse(pin: UInt8, onUnits: UInt8, offUnits: UInt8)
    case raster(widthBytes: Int, rows: Int, bits: [UInt8])
    /// A byte or command this decoder does not know, or one cut short.
    case unknown([UInt8])

    var description: String {
        switch self {
        case .initialize: "ESC @"
        case .codePage(let page): "ESC t \(page)"
        case .characterSet(let set): "ESC R \(set)"
        case .bold(let on): "ESC E \(on ? 1 : 0)"
        case .size(let width, let height): "GS ! \(width)x\(height)"
        case .text(let text): "text \"\(text)\""
        case .lineFeed: "LF"
        case .feed(let lines): "ESC d \(lines)"
        case .cut(let partial): "GS V \(partial ? "partial" : "full")"
        case .pulse(let pin, let on, let off): "ESC p \(pin) \(on) \(off)"
        case .raster(let widthBytes, let rows, _): "GS v 0 \(widthBytes * 8)x\(rows)"
        case .unknown(let bytes): "unknown \(bytes.map { String($0, radix: 16) })"
        }
    }

    static func decode(_ bytes: [UInt8]) -> [EscposCommand] {
        var commands: [EscposCommand] = []
        var index = 0
        func take(_ count: Int) -> [UInt8]? {
            guard index + count <= bytes.count else { return nil }
            defer { index += count }
            return Array(bytes[index..<(index + count)])
        }
        while index < bytes.count {
            let byte = bytes[index]
            if (0x20...0x7E).contains(byte) {
                let start = index
                while index < bytes.count, (0x20...0x7E).contains(bytes[index]) { index += 1 }
                commands.append(.text(String(decoding: bytes[start..<index], as: UTF8.self)))
                continue
            }
            index += 1
            switch byte {
            case 0x0A:
                commands.append(.lineFeed)
            case 0x1B:
                guard let name = take(1)?.first else { commands.append(.unknown([byte])); continue }
                switch name {
                case 0x40: commands.append(.initialize)
                case 0x74: commands.append(take(1).map { .codePage($0[0]) } ?? .unknown([byte, name]))
                case 0x52: commands.append(take(1).map { .characterSet($0[0]) } ?? .unknown([byte, name]))
                case 0x45: commands.append(take(1).map { .bold($0[0] & 1 == 1) } ?? .unknown([byte, name]))
                case 0x64: commands.append(take(1).map { .feed(lines: Int($0[0])) } ?? .unknown([byte, name]))
                case 0x70: commands.append(take(3).map { .pulse(pin: $0[0], onUnits: $0[1], offUnits: $0[2]) } ?? .unknown([byte, name]))
                default: commands.append(.unknown([byte, name]))
                }
            case 0x1D:
                guard let name = take(1)?.first else { commands.append(.unknown([byte])); continue }
                switch name {
                case 0x21:
                    commands.append(take(1).map { .size(width: Int($0[0] >> 4) + 1, height: Int($0[0] & 0x0F) + 1) } ?? .unknown([byte, name]))
                case 0x56:
                    guard let mode = take(1)?.first else { commands.append(.unknown([byte, name])); continue }
                    // Function B (65, 66) takes a feed amount after the mode.
                    if mode == 65 || mode == 66 { _ = take(1) }
                    commands.append(.cut(partial: mode == 1 || mode == 49 || mode == 66))
                case 0x76:
                    guard let header = take(6), header[0] == 0x30 else { commands.append(.unknown([byte, name])); continue }
                    let widthBytes = Int(header[2]) | Int(header[3]) << 8
                    let rows = Int(header[4]) | Int(header[5]) << 8
                    guard let bits = take(widthBytes * rows) else { commands.append(.unknown([byte, name] + header)); continue }
                    commands.append(.raster(widthBytes: widthBytes, rows: rows, bits: bits))
                default:
                    commands.append(.unknown([byte, name]))
                }
            default:
                commands.append(.unknown([byte]))
            }
        }
        return commands
    }
}

/// What a printer would put on paper, read from the commands by keeping its state
/// (bold, size) as a printer does.
struct Printout: Equatable {
    struct Line: Equatable, CustomStringConvertible {
        let text: String
        let bold: Bool
        let tall: Bool

        var description: String { "\"\(text)\"" + (bold ? " bold" : "") + (tall ? " tall" : "") }
    }

    struct Image: Equatable {
        let width: Int
        let height: Int
        let bits: [UInt8]
        /// After which printed line (its count of lines before it).
        let afterLine: Int

        var blackDots: Int { bits.reduce(0) { $0 + $1.nonzeroBitCount } }

        /// Whether any dot in `columns` is black.
        func hasInk(inColumns columns: Range<Int>) -> Bool {
            let bytesPerRow = width / 8
            for row in 0..<height {
                for column in columns where bits[row * bytesPerRow + column / 8] & (0x80 >> UInt8(column % 8)) != 0 {
                    return true
                }
            }
            return false
        }
    }

    var commands: [EscposCommand] = []
    var lines: [Line] = []
    var images: [Image] = []
    var pulses: [EscposCommand] = []
    var cuts = 0
    var problems: [String] = []

    init(_ bytes: [UInt8]) {
        commands = EscposCommand.decode(bytes)
        var bold = false
        var tall = false
        var pending: String?
        var cut = false
        for command in commands {
            if cut, command != .initialize { problems.append("\(command) after the cut") }
            switch command {
            case .initialize:
                bold = false
                tall = false
                cut = false
            case .bold(let on): bold = on
            case .size(let width, let height):
                if width != 1 { problems.append("double width: a line would no longer fit 42 columns") }
                tall = height > 1
            case .text(let text): pending = (pending ?? "") + text
            case .lineFeed:
                lines.append(Line(text: pending ?? "", bold: bold, tall: tall))
                pending = nil
            case .raster(let widthBytes, let rows, let bits):
                if pending != nil { problems.append("an image in the middle of a line") }
                // Blocks of one drawing follow each other: one image, taller.
                if let last = images.last, last.afterLine == lines.count, last.width == widthBytes * 8 {
                    images[images.count - 1] = Image(width: last.width, height: last.height + rows, bits: last.bits + bits, afterLine: last.afterLine)
                } else {
                    images.append(Image(width: widthBytes * 8, height: rows, bits: bits, afterLine: lines.count))
                }
            case .pulse: pulses.append(command)
            case .cut:
                cuts += 1
                cut = true
            case .unknown(let bytes): problems.append("unknown bytes \(bytes)")
            case .codePage, .characterSet, .feed: break
            }
        }
        if let pending { problems.append("text \"\(pending)\" never ended with a line feed") }
    }

    /// Sentences for each way `self` differs from `expected`, the first few only.
    func differences(from expected: Printout) -> [String] {
        var found: [String] = []
        if expected.commands.first == .initialize && commands.first != .initialize { found.append("initialise (ESC @) missing at the start") }
        if cuts != expected.cuts { found.append(expected.cuts > cuts ? "cut missing" : "\(cuts) cuts, expected \(expected.cuts)") }
        if pulses != expected.pulses { found.append("drawer pulses \(pulses), expected \(expected.pulses)") }
        for index in 0..<max(lines.count, expected.lines.count) {
            guard index < lines.count else { found.append("line \(index + 1) missing: \(expected.lines[index])"); continue }
            guard index < expected.lines.count else { found.append("line \(index + 1) not expected: \(lines[index])"); continue }
            let (line, wanted) = (lines[index], expected.lines[index])
            if line.text != wanted.text { found.append("line \(index + 1) reads \"\(line.text)\", expected \"\(wanted.text)\"") }
            if line.bold != wanted.bold { found.append("line \(index + 1) \(wanted.bold ? "not bold" : "bold, should not be")") }
            if line.tall != wanted.tall { found.append("line \(index + 1) \(wanted.tall ? "not double height" : "double height, should not be")") }
        }
        if images.map({ [$0.width, $0.height, $0.afterLine] }) != expected.images.map({ [$0.width, $0.height, $0.afterLine] }) {
            found.append("images \(images.map { "\($0.width)x\($0.height) after line \($0.afterLine)" }), "
                + "expected \(expected.images.map { "\($0.width)x\($0.height) after line \($0.afterLine)" })")
        }
        found += problems.map { "problem: \($0)" }
        if found.isEmpty && commands != expected.commands {
            let index = zip(commands, expected.commands).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(commands.count, expected.commands.count)
            found.append("command \(index + 1) is \(index < commands.count ? commands[index].description : "missing"), "
                + "expected \(index < expected.commands.count ? expected.commands[index].description : "nothing")")
        }
        return Array(found.prefix(12))
    }
}
