import ConsoleCore
import Foundation

/// Draws text a receipt printer has no letters for (a Devanagari name) with a real
/// text shaper: Pango's `pango-view` (Debian: pango1.0-tools), which joins conjuncts
/// and places vowel signs with HarfBuzz and renders with FreeType into a graymap.
/// A hand-made renderer would get श्रेष्ठ wrong; a printer's own code pages have no
/// Devanagari at all.
public struct TextShaper: Sendable {
    /// The `pango-view` program; nil when none is installed.
    public let executable: String?
    /// A family with Devanagari letters: Noto Sans Devanagari (Debian: fonts-noto-core).
    public let font: String
    /// A shaper that takes longer is stopped and the stand-in printed instead.
    public let timeout: Duration

    public static let programName = "pango-view"
    public static let defaultFont = "Noto Sans Devanagari"
    /// Pixels of plain text: the printer's standard font is 24 dots tall, so a drawn
    /// name sits among the printed lines at the same size.
    static let textSize = 24
    /// A name drawn taller than this is cut: ten lines of text, not a metre of paper.
    static let maxLines = 10

    public init(executable: String?, font: String = TextShaper.defaultFont, timeout: Duration = .seconds(10)) {
        self.executable = executable
        self.font = font
        self.timeout = timeout
    }

    /// No shaper: every drawing falls back to its stand-in.
    public static let none = TextShaper(executable: nil)

    /// `pango-view` found on `PATH` (or in /usr/bin), or none.
    public static func installed(environment: [String: String] = ProcessInfo.processInfo.environment) -> TextShaper {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin"]
        let found = folders.map { $0 + "/" + programName }.first { FileManager.default.isExecutableFile(atPath: $0) }
        return TextShaper(executable: found)
    }

    /// The drawing as a 1-bit image `width` dots wide, or why not.
    func draw(_ drawing: Drawing, width: Int, environment: [String: String]) async -> Result<RasterImage, ShaperFailure> {
        guard let executable, FileManager.default.isExecutableFile(atPath: executable) else {
            return .failure(ShaperFailure(reason: "\(Self.programName) is not installed"))
        }
        let folder: ShaperFolder
        do {
            folder = try ShaperFolder()
        } catch {
            return .failure(ShaperFailure(reason: "no temporary folder for \(Self.programName) (\(error.description))"))
        }
        defer { folder.remove() }
        // The text goes in a private file, not on the command line, where any user
        // could read a customer's name in the process list.
        guard ReceiptFiles.write(drawing.text, toNew: folder.input).isWritten else {
            return .failure(ShaperFailure(reason: "the text for \(Self.programName) could not be written"))
        }
        let size = Self.textSize * (drawing.style == .headline ? 2 : 1)
        let weight = drawing.style == .plain ? "" : " Bold"
        let arguments = [
            executable, "--backend=ft2", "--no-display", "--pixels", "--margin=0", "--font=\(font)\(weight) \(size)",
            "--width=\(width)", "--wrap=word-char", "--align=\(drawing.alignment.pangoName)", "--output=\(folder.output)",
            folder.input,
        ]
        let output: OutputFile
        do {
            output = try OutputFile()
        } catch {
            return .failure(ShaperFailure(reason: "\(Self.programName)'s output file could not be made (\(error.description))"))
        }
        defer { output.remove() }
        let ending: ChildProcess.Ending
        do {
            ending = try await ChildProcess(executable: executable, arguments: arguments, environment: environment)
                .run(input: Data(), output: output.descriptor, timeout: timeout)
        } catch {
            return .failure(ShaperFailure(reason: "\(Self.programName) could not be started (\(error.description))"))
        }
        guard ending == .exited(0) else {
            let said = output.text(limit: 120)
            return .failure(ShaperFailure(reason: "\(Self.programName) \(ending.sentence)" + (said.isEmpty ? "" : ": \(said)")))
        }
        guard let data = FileManager.default.contents(atPath: folder.output), let graymap = Graymap(pgm: Array(data)) else {
            return .failure(ShaperFailure(reason: "\(Self.programName) wrote no graymap"))
        }
        let image = RasterImage(graymap: graymap, width: width, maxHeight: Self.maxLines * size * 3 / 2)
        guard !image.isBlank else { return .failure(ShaperFailure(reason: "\(Self.programName) drew nothing")) }
        return .success(image)
    }
}

/// Why a drawing fell back to its stand-in, for the note the clerk reads.
struct ShaperFailure: Error, Equatable {
    let reason: String
}

/// What to draw: a text, its style (bold, tall) and where on the paper it sits.
public struct Drawing: Hashable, Sendable {
    public let text: String
    public let style: PrintStyle
    public let alignment: PrintAlignment

    public init(text: String, style: PrintStyle, alignment: PrintAlignment) {
        self.text = text
        self.style = style
        self.alignment = alignment
    }
}

extension PrintAlignment {
    var pangoName: String {
        switch self {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }
}

/// A private folder (0700) for the shaper's input and output, removed after.
private struct ShaperFolder {
    let path: String

    init() throws(ChildProcessError) {
        var template = Array((FileManager.default.temporaryDirectory.path + "/arrownet-shape-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw .system("mkdtemp", errno) }
        path = String(cString: made)
    }

    var input: String { path + "/text.txt" }
    var output: String { path + "/drawing.pgm" }

    func remove() {
        unlink(input)
        unlink(output)
        rmdir(path)
    }
}
