import CNCurses
import ConsoleCore
import Foundation
import TerminalUI

/// What the terminal reports: a key, or a new size.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case resize(TerminalSize)
}

/// The only code that touches ncurses. Not thread-safe, as ncurses is not: one
/// thread opens it, reads keys, draws and restores.
public final class CursesTerminal {
    private let palette: Palette
    private var restored = false

    /// Opens the terminal: UTF-8 locale, raw keys (Ctrl-C arrives as a key, so the
    /// console can confirm before quitting), no echo, keypad decoding, a 25 ms Esc
    /// delay so Esc feels immediate, and colour unless `colors` is false.
    public init(colors: Bool) {
        // ncurses learns of a resize from SIGWINCH and answers at once when the signal
        // interrupts its own read. This thread may have been started with it blocked (a
        // worker thread, or a parent that blocked it), so it takes it explicitly.
        Self.resizeSignal(SIG_UNBLOCK)
        Self.useUTF8Locale()
        // ESCDELAY must be set before initscr reads it.
        set_escdelay(25)
        initscr()
        raw()
        noecho()
        nonl()
        keypad(arrownet_stdscr(), true)
        palette = Palette(enabled: colors && has_colors())
        CrashRestore.install()
    }

    deinit {
        restore()
    }

    /// Call on every thread but the terminal's (before it starts others): resizes then
    /// reach only the terminal thread, the one whose read they must interrupt.
    public static func leaveResizesToTerminalThread() {
        resizeSignal(SIG_BLOCK)
    }

    /// Blocks or unblocks SIGWINCH for the calling thread.
    private static func resizeSignal(_ how: Int32) {
        var resize = sigset_t()
        sigemptyset(&resize)
        sigaddset(&resize, SIGWINCH)
        pthread_sigmask(how, &resize, nil)
    }

    public var size: TerminalSize {
        TerminalSize(width: Int(arrownet_getmaxx(arrownet_stdscr())), height: Int(arrownet_getmaxy(arrownet_stdscr())))
    }

    /// Waits up to `timeoutMilliseconds` for a key or a resize; nil when none came.
    public func nextEvent(timeoutMilliseconds: Int32) -> TerminalEvent? {
        timeout(timeoutMilliseconds)
        var code: wint_t = 0
        let result = get_wch(&code)
        if result == arrownet_key_code_yes() {
            if Int32(code) == KEY_RESIZE { return .resize(size) }
            return KeyDecoder.functionKey(Int32(code)).map(TerminalEvent.key)
        }
        guard result == OK else { return nil }
        return KeyDecoder.character(UInt32(code)).map(TerminalEvent.key)
    }

    /// Drops keys typed but not read yet: a confirmation must not be answered by
    /// keys typed before it appeared.
    public func discardTypeahead() {
        flushinp()
    }

    /// Copies the buffer to the screen. ncurses compares with what is shown and sends
    /// only the difference, which keeps a typed character to a few bytes.
    public func draw(_ buffer: ScreenBuffer) {
        let rows = min(buffer.size.height, size.height)
        let columns = min(buffer.size.width, size.width)
        for y in 0..<rows {
            move(Int32(y), 0)
            var x = 0
            while x < columns {
                let cell = buffer[x, y]
                if !cell.isContinuation {
                    attrset(palette.attributes(for: cell.style))
                    // The bottom-right cell returns ERR after writing (the cursor cannot
                    // advance); the cell is drawn all the same.
                    _ = mvaddstr(Int32(y), Int32(x), cell.text)
                }
                x += 1
            }
        }
        attrset(Int32(bitPattern: arrownet_a_normal()))
        if let cursor = buffer.cursor, cursor.y < rows, cursor.x < columns {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
    }

    /// Gives the terminal back as it was: normal mode, cursor shown, screen restored.
    /// Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        curs_set(1)
        endwin()
    }

    /// ncursesw draws UTF-8 only under a UTF-8 locale; a bare environment (no LANG)
    /// gets C.UTF-8 so Devanagari names are not printed as escapes.
    private static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
