import ConsoleCore

/// Drawn instead of any screen when the terminal is smaller than the minimum. The
/// console's state is untouched underneath, so nothing typed is lost.
enum TooSmallView {
    static func draw(size: TerminalSize, into buffer: inout ScreenBuffer) {
        let minimum = TerminalSize.minimum
        let lines = [
            "Terminal too small",
            "Enlarge it to at least \(minimum.width)x\(minimum.height)",
            "(now \(size.width)x\(size.height)).",
            "Nothing typed is lost.",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let shown = truncated(line, toColumns: size.width)
            let x = max(0, (size.width - displayWidth(shown)) / 2)
            buffer.write(shown, x: x, y: top + index, style: index == 0 ? .warning : .plain)
        }
    }
}
