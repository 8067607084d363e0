import ConsoleCore

/// Help: the key map of the screen underneath, from the same data the keys run on.
enum HelpView {
    static func draw(_ bindings: [KeyBinding], body: BodyArea, into buffer: inout ScreenBuffer) {
        var rows = RowWriter(body)
        let labelWidth = min(18, (bindings.map { displayWidth($0.label) }.max() ?? 0) + 2)
        for binding in bindings {
            guard rows.remaining > 0 else { break }
            let y = rows.y
            buffer.write(binding.label, x: body.x, y: y, style: .strong, maxWidth: labelWidth - 1)
            buffer.write(binding.hint, x: body.x + labelWidth, y: y, maxWidth: body.width - labelWidth)
            rows.skip()
        }
    }
}
