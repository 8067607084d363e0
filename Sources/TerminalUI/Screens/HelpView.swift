import ConsoleCore

/// Help: the key map of the screen underneath, from the same data the keys run on.
enum HelpView {
    static func draw(_ bindings: [KeyBinding], body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let labelWidth = min(18, (bindings.map { displayWidth($0.label) }.max() ?? 0) + 2)
        // More keys than rows: the last row says how many are left out (the first ones matter most).
        let shown = bindings.count <= rows.remaining ? bindings.count : max(0, rows.remaining - 1)
        for binding in bindings.prefix(shown) {
            let y = rows.y
            buffer.write(binding.label, x: body.x, y: y, style: .strong, maxWidth: labelWidth - 1)
            buffer.write(truncated(binding.hint, toColumns: body.width - labelWidth), x: body.x + labelWidth, y: y)
            rows.skip()
        }
        if shown < bindings.count {
            rows.line("… and \(bindings.count - shown) more keys: a larger terminal lists them.", style: .faint, into: &buffer)
        }
    }
}
