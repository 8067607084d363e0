import Foundation
import Testing

/// What a print command can learn about arrownet: an allow-listed environment, and a
/// parent that writes no core file and is not dumpable. (SIGQUIT during a payment is
/// tried beside Ctrl-C in PayInteractionTests.)
@Suite("Secrets: the print command's environment and core dumps")
struct ChildSecretsTests {
    static let secrets = [
        "PGPASSWORD": "pg-secret-\(UUID().uuidString)", "PGPASSFILE": "/nonexistent/pgpass-\(UUID().uuidString)",
        "KHALTI_TOKEN": "TEST:DoNotLeak\(UInt32.random(in: 1000...9999))", "FOO": "foo-\(UUID().uuidString)",
    ]

    /// A print command that writes its environment and its parent's (arrownet's) limits to
    /// `folder`; `/bin/sh -c` may run it as its own child, so the parent is the first
    /// ancestor that is not a shell.
    static func spyScript(in folder: URL) throws -> String {
        let script = folder.appendingPathComponent("spy-print.sh")
        try """
            #!/bin/sh
            cat > /dev/null
            env > '\(folder.path)/env.txt'
            p=$PPID
            while [ "$(sed -n 's/^Name:[[:space:]]*//p' /proc/$p/status)" = sh ] || [ "$(sed -n 's/^Name:[[:space:]]*//p' /proc/$p/status)" = dash ]; do
                p=$(sed -n 's/^PPid:[[:space:]]*//p' /proc/$p/status)
            done
            cat /proc/$p/limits > '\(folder.path)/limits.txt'
            sed -n 's/^Name:[[:space:]]*//p' /proc/$p/status > '\(folder.path)/parent.txt'
            stat -c %u /proc/$p/environ > '\(folder.path)/environ-owner.txt'
            echo spied
            """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        return script.path
    }

    @Test("the print command gets PATH, HOME, TZ and the locale, never a token, a database password or FOO; its parent dumps no core")
    func printCommandEnvironment() async throws {
        let runner = try await BinaryRunner.ready()
        let pay = try await runner.run(["pay", "Pradhanang", "--months", "1", "--yes", "--json"])
        #expect(pay.status == 0, "\(pay.stderr)")
        let reference = try #require((try jsonObject(pay.stdout)["payment"] as? [String: Any])?["reference"] as? String)

        let script = try Self.spyScript(in: runner.home)
        let dumpable = runner.home.appendingPathComponent("dumpable.txt")
        let environment = Self.secrets.merging([
            "ARROWNET_PRINT_COMMAND": script, "LANG": "C.UTF-8", "LC_TIME": "C", "ARROWNET_TEST_DUMPABLE_FILE": dumpable.path,
        ]) { $1 }
        // ARROWNET_JOURNAL_URL would send this run to PostgreSQL: PrintingTests' allow-list test covers it.
        let printed = try await runner.run(["receipt", reference, "--reprint"], environment: environment)
        #expect(printed.status == 0, "\(printed.stdout)\(printed.stderr)")
        #expect(printed.stdout.contains("spied"), "\(printed.stdout)")

        let env = try String(contentsOf: runner.home.appendingPathComponent("env.txt"), encoding: .utf8)
        let names = Set(env.split(separator: "\n").compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
        for (name, value) in Self.secrets {
            #expect(!names.contains(name), "\(name) reached the print command")
            #expect(!env.contains(value), "the value of \(name) reached the print command")
        }
        #expect(!names.contains("ARROWNET_PRINT_COMMAND") && !names.contains("ARROWNET_DATA_DIR") && !names.contains("XDG_CONFIG_HOME"))
        #expect(!names.contains("ARROWNET_TEST_DUMPABLE_FILE"))
        #expect(env.contains("PATH=/usr/bin:/bin\n") && env.contains("HOME=\(runner.home.path)\n"), "\(env)")
        #expect(env.contains("TZ=Asia/Kathmandu\n") && env.contains("LANG=C.UTF-8\n") && env.contains("LC_TIME=C\n"), "\(env)")

        #expect(try String(contentsOf: runner.home.appendingPathComponent("parent.txt"), encoding: .utf8) == "arrownet\n")
        let limits = try String(contentsOf: runner.home.appendingPathComponent("limits.txt"), encoding: .utf8)
        let core = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        let words = core.split(whereSeparator: \.isWhitespace)
        #expect(words.count >= 6 && words[4] == "0" && words[5] == "0", "soft and hard limit 0: \(core)")
        // Not dumpable: its /proc files belong to root. Root owns them anyway when the tests
        // run as root, so then the debug build's own word (prctl) stands in.
        if getuid() != 0 {
            #expect(try String(contentsOf: runner.home.appendingPathComponent("environ-owner.txt"), encoding: .utf8) == "0\n")
        }
        if try await runner.isDebugBuild() {
            #expect(try String(contentsOf: dumpable, encoding: .utf8) == "dumpable=0\n")
        }
    }
}
