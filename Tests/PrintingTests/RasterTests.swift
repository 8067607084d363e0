import ArrownetDomain
import ConsoleCore
import Foundation
@testable import Printing
import Testing

@Suite("Devanagari names drawn as raster images")
struct RasterTests {
    static let shaper = TextShaper(executable: Fixtures.pangoView)

    static func printer(_ shaper: TextShaper) -> EscposPrinter {
        EscposPrinter(address: .device(path: "/dev/null"), shaper: shaper, environment: ProcessInfo.processInfo.environment)
    }

    @Test("with pango-view: the name is a GS v 0 image 512 dots wide, right-aligned under its label, and nothing else drawn")
    func drawn() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Fixtures.pangoView),
            "pango-view is missing: apt-get install pango1.0-tools fonts-noto-core")
        let receipt = Fixtures.receipt(name: Fixtures.devanagariName)
        let job = await Self.printer(Self.shaper).job(for: ReceiptLayout.document(for: receipt))
        let printout = Printout(job.bytes)

        #expect(job.standInReasons.isEmpty, "\(job.standInReasons)")
        #expect(printout.problems.isEmpty, "\(printout.problems)")
        let image = try #require(printout.images.first)
        #expect(printout.images.count == 1)
        #expect(image.width == 512)
        // One line of 24-pixel text: taller than the letters' body, shorter than two lines.
        #expect((24...60).contains(image.height), "height \(image.height)")
        #expect(image.blackDots > 500, "\(image.blackDots) black dots")
        // Right-aligned: ink at the right edge, none across the left half.
        #expect(image.hasInk(inColumns: 400..<512))
        #expect(!image.hasInk(inColumns: 0..<200))
        // Drawn straight after the label, which stays text; no stand-in, no `?`.
        let label = try #require(printout.lines.firstIndex { $0.text == "Name" })
        #expect(image.afterLine == label + 1)
        #expect(!printout.lines.contains { $0.text.contains("name on screen") || $0.text.contains("?") })
        #expect(printout.lines.count == ReceiptLayout.lines(for: receipt).count)
    }

    @Test("a long name wraps inside the image instead of running off the paper")
    func longName() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Fixtures.pangoView), "pango-view is missing")
        let name = Array(repeating: Fixtures.devanagariName, count: 4).joined(separator: " ")
        let result = await Self.shaper.draw(Drawing(text: name, style: .plain, alignment: .right), width: 512, environment: [:])
        let image = try result.get()
        #expect(image.width == 512)
        #expect(image.height > 60, "height \(image.height): one line would be far wider than the paper")
    }

    @Test("a bold headline is drawn taller than plain text")
    func headline() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Fixtures.pangoView), "pango-view is missing")
        let plain = try await Self.shaper.draw(Drawing(text: "धन्यवाद", style: .plain, alignment: .center), width: 512, environment: [:]).get()
        let tall = try await Self.shaper.draw(Drawing(text: "धन्यवाद", style: .headline, alignment: .center), width: 512, environment: [:]).get()
        #expect(tall.height > plain.height * 3 / 2)
    }

    @Test("without pango-view: the username and (name on screen) as text, and the note says why")
    func missing() async {
        let receipt = Fixtures.receipt(name: Fixtures.devanagariName)
        let job = await Self.printer(TextShaper(executable: "/nonexistent/pango-view")).job(for: ReceiptLayout.document(for: receipt))
        let printout = Printout(job.bytes)
        #expect(printout.images.isEmpty)
        #expect(printout.lines.contains { $0.text == "Name" + String(repeating: " ", count: 11) + "Pradhanang (name on screen)" })
        #expect(job.standInReasons == ["pango-view is not installed"])
    }

    @Test("a shaper that fails is the same as none: the stand-in, and what it said")
    func failing() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = Fixtures.script("#!/bin/sh\necho 'cannot open display' >&2\nexit 2\n", named: "pango-view", in: folder)
        let receipt = Fixtures.receipt(name: Fixtures.devanagariName)
        let job = await Self.printer(TextShaper(executable: script)).job(for: ReceiptLayout.document(for: receipt))
        #expect(Printout(job.bytes).images.isEmpty)
        #expect(Printout(job.bytes).lines.contains { $0.text.hasSuffix("Pradhanang (name on screen)") })
        #expect(job.standInReasons == ["pango-view failed with exit status 2: cannot open display"])
    }

    @Test("a shaper that writes no picture, or a blank one, is not printed")
    func blank() async throws {
        let folder = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Writes a white 16x2 graymap to the --output= file.
        let script = Fixtures.script("""
            #!/bin/sh
            for a; do case "$a" in --output=*) out="${a#--output=}";; esac; done
            printf 'P5\\n16 2\\n255\\n' > "$out"; head -c 32 /dev/zero | tr '\\0' '\\377' >> "$out"
            """, named: "pango-view", in: folder)
        let result = await TextShaper(executable: script).draw(Drawing(text: "राम", style: .plain, alignment: .left), width: 512, environment: [:])
        #expect(result == .failure(ShaperFailure(reason: "pango-view drew nothing")))
    }

    @Test("a graymap becomes 1-bit rows: darker than half is black, cut or padded to the width")
    func threshold() throws {
        // 10x2: row 0 alternates black and white, row 1 is grey just either side of 128.
        let header = Array("P5\n# made by hand\n10 2\n255\n".utf8)
        let pixels: [UInt8] = [0, 255, 0, 255, 0, 255, 0, 255, 0, 255, 127, 128, 127, 128, 127, 128, 127, 128, 127, 128]
        let graymap = try #require(Graymap(pgm: header + pixels))
        let image = RasterImage(graymap: graymap, width: 16, maxHeight: 10)
        #expect(image.height == 2)
        #expect(image.bits == [0b1010_1010, 0b1000_0000, 0b1010_1010, 0b1000_0000])
        let narrow = RasterImage(graymap: graymap, width: 8, maxHeight: 1)
        #expect(narrow.bits == [0b1010_1010])
        #expect(Graymap(pgm: Array("P5\n10 2\n255\n".utf8) + [0, 0]) == nil, "pixels missing")
        #expect(Graymap(pgm: Array("P2\n1 1\n255\n0\n".utf8)) == nil, "text graymap")
        #expect(Graymap(pgm: Array("P5\n1 1\n65535\n".utf8) + [0, 0]) == nil, "16-bit graymap")
    }

    @Test("a tall image goes in blocks of at most 255 rows")
    func blocks() {
        let image = RasterImage(width: 8, height: 300, bits: [UInt8](repeating: 0xFF, count: 300))
        let commands = EscposCommand.decode(image.escposBytes())
        #expect(commands.map(\.description) == ["GS v 0 8x255", "GS v 0 8x45"])
    }
}
