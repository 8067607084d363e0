import CNCurses
import ConsoleCore

/// Turns what `get_wch` returns into a `Key`, once, here: nothing above this file
/// knows a curses key code or a control byte.
enum KeyDecoder {
    /// A character code (`get_wch` returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A ... Ctrl-Z, except those named above.
            return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function-key code (`get_wch` returned KEY_CODE_YES); nil for one the console
    /// does not use (and for KEY_RESIZE, which the terminal handles itself).
    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        default:
            for number in 1...12 where code == arrownet_key_f(Int32(number)) {
                return .function(number)
            }
            return nil
        }
    }
}
