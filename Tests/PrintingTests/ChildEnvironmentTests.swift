import ConsoleCore
import Foundation
@testable import Printing
import Testing

@Suite("Printing: children get an allow-listed environment")
struct ChildEnvironmentTests {
    static let parent = [
        "PATH": "/usr/bin:/bin", "HOME": "/home/clerk", "TMPDIR": "/tmp", "TZ": "Asia/Kathmandu", "LANG": "ne_NP.UTF-8",
        "LC_ALL": "C.UTF-8", "LC_TIME": "C", "KHALTI_TOKEN": "TEST:secret", "PGPASSWORD": "pg-secret", "PGPASSFILE": "/root/.pgpass",
        "ARROWNET_JOURNAL_URL": "postgresql://till@db/arrownet", "FOO": "bar", "ARROWNET_PRINT_COMMAND": "lp", "LD_PRELOAD": "/tmp/x.so",
    ]

    @Test("a print command that is a shell script writing env sees PATH, HOME and the locale, none of the secrets, not FOO")
    func printCommandSeesOnlyTheAllowList() async throws {
        let data = Fixtures.folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let out = data.appendingPathComponent("env.txt").path
        var environment = Self.parent
        environment["ARROWNET_PRINT_COMMAND"] = "cat > /dev/null; env > '\(out)'"
        let printer = ReceiptPrinter.configured(dataFolder: data, environment: environment)

        _ = try await printer.print(Fixtures.receipt())

        let lines = Set(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init))
        let names = Set(lines.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
        for name in ["KHALTI_TOKEN", "PGPASSWORD", "PGPASSFILE", "ARROWNET_JOURNAL_URL", "FOO", "ARROWNET_PRINT_COMMAND", "LD_PRELOAD"] {
            #expect(!names.contains(name), "\(name) reached the print command")
        }
        for name in ["PATH", "HOME", "TMPDIR", "TZ", "LANG", "LC_ALL", "LC_TIME"] {
            #expect(lines.contains("\(name)=\(Self.parent[name]!)"), "\(name) missing: \(lines)")
        }
    }

    @Test("the allow-list itself: withheld names never pass, whatever is asked")
    func allowList() {
        #expect(ChildEnvironment.allowed(Self.parent).keys.sorted() == ["HOME", "LANG", "LC_ALL", "LC_TIME", "PATH", "TMPDIR", "TZ"])
        #expect(ReceiptPrinter.withheldVariables.isSuperset(of: ["KHALTI_TOKEN", "PGPASSWORD", "PGPASSFILE", "ARROWNET_JOURNAL_URL"]))
    }
}
