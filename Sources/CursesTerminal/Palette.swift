import CNCurses
import TerminalUI

/// Maps styles to curses attributes; colour pairs are made once at start.
struct Palette {
    private let colorsEnabled: Bool
    private var pairs: [PairKey: Int16] = [:]

    private struct PairKey: Hashable {
        let foreground: Style.Color?
        let background: Style.Color?
    }

    init(enabled: Bool) {
        colorsEnabled = enabled
        guard enabled else { return }
        start_color()
        use_default_colors()
        var next: Int16 = 1
        let choices: [Style.Color?] = [nil] + Style.Color.allCases.map { Optional($0) }
        for foreground in choices {
            for background in choices where !(foreground == nil && background == nil) {
                init_pair(next, Self.cursesColor(foreground), Self.cursesColor(background))
                pairs[PairKey(foreground: foreground, background: background)] = next
                next += 1
            }
        }
    }

    func attributes(for style: Style) -> Int32 {
        var attributes = arrownet_a_normal()
        if style.bold { attributes |= arrownet_a_bold() }
        if style.reverse { attributes |= arrownet_a_reverse() }
        if style.dim { attributes |= arrownet_a_dim() }
        if style.underline { attributes |= arrownet_a_underline() }
        if colorsEnabled, let pair = pairs[PairKey(foreground: style.foreground, background: style.background)] {
            attributes |= attr_t(arrownet_color_pair(Int32(pair)))
        }
        return Int32(bitPattern: attributes)
    }

    /// -1 is the terminal's default colour (use_default_colors).
    private static func cursesColor(_ color: Style.Color?) -> Int16 {
        switch color {
        case nil: -1
        case .red?: Int16(COLOR_RED)
        case .green?: Int16(COLOR_GREEN)
        case .yellow?: Int16(COLOR_YELLOW)
        case .blue?: Int16(COLOR_BLUE)
        case .magenta?: Int16(COLOR_MAGENTA)
        case .cyan?: Int16(COLOR_CYAN)
        }
    }
}
