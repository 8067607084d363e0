import ConsoleCore
import Testing
@testable import TerminalUI

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test("wide characters take two cells and clip whole")
    func wide() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 6, height: 1))
        #expect(buffer.write("日本語", x: 0, y: 0) == 6)
        #expect(buffer.lines == ["日本語"])
        #expect(buffer[1, 0].isContinuation)
        var narrow = ScreenBuffer(size: TerminalSize(width: 5, height: 1))
        // The third wide character would need columns 4 and 5: it is left out, not halved.
        #expect(narrow.write("日本語", x: 0, y: 0) == 4)
        #expect(narrow.lines == ["日本"])
    }

    @Test("Devanagari combining marks stay on their letter")
    func devanagari() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 20, height: 1))
        let name = "राम श्रेष्ठ"
        let written = buffer.write(name, x: 0, y: 0)
        #expect(written == displayWidth(name))
        #expect(buffer.lines == [name])
    }

    @Test("overwriting half a wide character blanks the other half")
    func overwriteHalf() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 4, height: 1))
        buffer.write("日本", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.lines == [" x本"])
    }

    @Test("writes outside the buffer are ignored; newlines and tabs become spaces")
    func bounds() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 5, height: 2))
        #expect(buffer.write("abc", x: 5, y: 0) == 0)
        #expect(buffer.write("abc", x: 0, y: 2) == 0)
        #expect(buffer.write("a\tb\nc", x: 0, y: 1) == 5)
        #expect(buffer.lines == ["", "a b c"])
    }

    @Test("right alignment ends at the given column")
    func rightAligned() {
        var buffer = ScreenBuffer(size: TerminalSize(width: 10, height: 1))
        buffer.writeRightAligned("Rs. 5", right: 10, y: 0)
        #expect(buffer.lines == ["     Rs. 5"])
    }
}
