import Foundation
import Testing

/// Printer jobs kept byte for byte under `__Golden__/` and compared decoded, so a
/// change reads as "line 3 not bold". `ARROWNET_RECORD_GOLDEN=1` (or a missing file)
/// writes the file and fails, so a recording is always looked at before it is kept.
enum GoldenBytes {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("__Golden__")

    static func check(_ bytes: [UInt8], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent(name + ".escpos")
        let recording = ProcessInfo.processInfo.environment["ARROWNET_RECORD_GOLDEN"] == "1"
        guard !recording, let golden = FileManager.default.contents(atPath: file.path) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: file.path, contents: Data(bytes))
            Issue.record("Recorded \(file.path); check it, then run again.", sourceLocation: sourceLocation)
            return
        }
        let differences = Printout(bytes).differences(from: Printout(Array(golden)))
        // The decoded differences say what is wrong; the bytes are compared as a Bool
        // so a failure never prints two arrays of thousands of numbers.
        let same = bytes == Array(golden)
        if differences.isEmpty {
            #expect(same, "\(name): the bytes differ from \(file.lastPathComponent)", sourceLocation: sourceLocation)
        } else {
            Issue.record("\(name): \(differences.joined(separator: "; "))", sourceLocation: sourceLocation)
        }
    }
}
