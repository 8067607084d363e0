import Foundation
import KhaltiSandbox
import Testing

/// Every mistake a new agent or shop owner can make gets a sentence and its documented
/// exit code, never a raw error, a crash, or a request sent on a wrong guess.
@Suite("Mistakes at the command line: a sentence and the right exit code for each")
struct CommandLineMistakesTests {
    @Test("a mistyped command is named, with the nearest real one (exit 64)")
    func mistypedCommands() async throws {
        let runner = try BinaryRunner()
        for (typed, meant) in [("lokup", "lookup"), ("histroy", "history"), ("sttaus", "status"), ("pya", "pay"), ("recipt", "receipt"), ("consol", "console")] {
            let result = try await runner.run([typed, "x"])
            #expect(result.status == 64, "\(typed)")
            #expect(result.stderr.contains("\"\(typed)\" is not an arrownet command. Did you mean \(meant)?"), "\(typed): \(result.stderr)")
            #expect(!result.stderr.contains("unexpected argument"), "not the console's usage: \(result.stderr)")
        }
        let far = try await runner.run(["frobnicate"])
        #expect(far.status == 64)
        #expect(!far.stderr.contains("Did you mean"))
        #expect(far.stderr.contains("Commands: console, lookup, pay, status, history"))
    }

    /// Typed references and what the refusal says.
    static let badReferences: [(typed: String, words: String)] = [
        ("garbage", "references begin with ARN"),
        ("ARN", "after ARN come 26 letters and digits, not 0"),
        ("ARN-1", "not 2"),
        ("ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0", "not 25"),
        ("ARN01JDQ4ZK7X8M2N5P6Q7R8S9TOV", "\"O\" (a 0?) is never used"),
        ("arn01jdq4zk7x8m2n5p6q7r8s9tuv", "\"U\" is never used"),
        ("ARN91JDQ4ZK7X8M2N5P6Q7R8S9T0V", "the character after ARN is 0 to 7"),
    ]

    @Test("bad references are refused before anything is asked of Khalti or the journal (exit 64)")
    func referencesRefused() async throws {
        let sandbox = try await RunningSandbox.start()
        let counter = sandbox.add(FaultRule(call: nil, effect: .latency(milliseconds: 1)))
        let runner = try BinaryRunner()
        for (typed, words) in Self.badReferences {
            for command in [["status", typed], ["resolve", typed, "--paid", "--note", "x"], ["receipt", typed]] {
                let result = try await runner.run(command + ["--base-url", sandbox.baseURL])
                #expect(result.status == 64, "\(command)")
                #expect(result.stderr.contains("is not a payment reference"), "\(command): \(result.stderr)")
                #expect(result.stderr.contains(words), "\(command): \(result.stderr)")
                #expect(result.stderr.contains("A reference looks like ARN01JDQ4ZK7X8M2N5P6Q7R8S9T0V"))
            }
        }
        #expect(sandbox.faultStatuses().first { $0.id == counter }?.fired == 0, "nothing reached Khalti")
        await sandbox.stop()
    }

    @Test("a reference in lower case is read as upper case and finds its payment")
    func lowerCaseReference() async throws {
        let runner = try await BinaryRunner.ready()
        let reference = try await runner.pay("Pradhanang")
        let status = try await runner.run(["status", reference.lowercased()])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Reference        \(reference)"))
        #expect(status.stdout.contains("Khalti now: state Success"))
    }

    /// A data folder that cannot be used, made by `make` in the runner's home.
    static let badFolders: [(name: String, make: @Sendable (URL) throws -> [String: String], words: String)] = [
        ("a file", { home in
            let file = home.appendingPathComponent("data-file")
            try Data("x".utf8).write(to: file)
            return ["ARROWNET_DATA_DIR": file.path]
        }, "is a file, not a folder"),
        ("another user's open folder", { home in
            let folder = home.appendingPathComponent("shared")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path, 0o777)
            chown(folder.path, 65_534, 65_534)
            return ["ARROWNET_DATA_DIR": folder.path]
        }, "belongs to another user and is open to others"),
        ("a file where the folder's parent should be", { home in
            let file = home.appendingPathComponent("blocker")
            try Data("x".utf8).write(to: file)
            return ["ARROWNET_DATA_DIR": file.appendingPathComponent("arrownet").path]
        }, "blocker"),
    ]

    @Test("an unusable data folder: a sentence and exit 11 from every command that needs it, never Foundation's error text",
          arguments: badFolders.indices)
    func dataFolderMistakes(index: Int) async throws {
        let bad = Self.badFolders[index]
        // Making a folder another user's takes root; any other user cannot set the case up.
        if bad.name.contains("another user"), geteuid() != 0 { return }
        let runner = try BinaryRunner()
        let environment = try bad.make(runner.home)
        for arguments in [["lookup", "Pradhanang"], ["history"], ["pay", "Pradhanang", "--months", "1", "--yes"], ["journal", "backup", runner.home.appendingPathComponent("b.sqlite").path]] {
            let result = try await runner.run(arguments, environment: environment)
            #expect(result.status == 11, "\(bad.name), \(arguments): \(result.stderr)")
            #expect(result.stderr.contains(bad.words), "\(bad.name), \(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error Domain") && !result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
        }
    }

    @Test("a data folder this user may not write: exit 11 with a sentence (run as another user when root)")
    func unwritableDataFolder() async throws {
        let runner = try BinaryRunner()
        let folder = runner.home.appendingPathComponent("readonly")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        chmod(folder.path, 0o500)
        var prefix: [String] = []
        if geteuid() == 0 {
            // Root writes anywhere: the case is run as nobody, who owns the read-only folder.
            chown(folder.path, 65_534, 65_534)
            chmod(runner.home.path, 0o755)
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", BinaryRunner.binary]
        }
        for arguments in [["lookup", "Pradhanang"], ["pay", "Pradhanang", "--months", "1", "--yes"], ["history"]] {
            let result = try await runner.run(arguments, environment: ["ARROWNET_DATA_DIR": folder.path], executable: prefix)
            #expect(result.status == 11, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(folder.path), "\(arguments): \(result.stderr)")
            #expect(result.stderr.lowercased().contains("permission denied") || result.stderr.contains("may not write"), "\(result.stderr)")
            #expect(!result.stderr.contains("Error Domain"))
        }
    }

    /// Token files and the words each refusal must hold.
    static let badTokenFiles: [(name: String, contents: String?, mode: Int16, words: String)] = [
        ("empty", "", 0o600, "is empty. Write the Khalti token in it"),
        ("spaces inside", "TEST:a b\n", 0o600, "contains spaces or unprintable characters inside it"),
        ("too open", "TEST:LeakyValue", 0o644, "chmod 600"),
        ("a folder", nil, 0, "is a folder, not the token file"),
    ]

    @Test("token file mistakes: the file named, the fix said, exit 64", arguments: badTokenFiles.indices)
    func tokenFileMistakes(index: Int) async throws {
        let bad = Self.badTokenFiles[index]
        let runner = try BinaryRunner()
        let path = runner.home.appendingPathComponent("config/arrownet/token").path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if let contents = bad.contents {
            _ = FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: bad.mode])
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        let result = try await runner.run(["lookup", "Pradhanang"])
        #expect(result.status == 64, "\(bad.name)")
        #expect(result.stderr.contains(path) && result.stderr.contains(bad.words), "\(bad.name): \(result.stderr)")
        #expect(!result.stderr.contains("LeakyValue"))
    }

    @Test("KHALTI_TOKEN set to nothing and to blanks are refused alike (exit 64), not taken for the sandbox")
    func blankToken() async throws {
        let runner = try BinaryRunner()
        for value in ["", "   "] {
            let result = try await runner.run(["lookup", "Pradhanang"], environment: ["KHALTI_TOKEN": value])
            #expect(result.status == 64, "'\(value)'")
            #expect(result.stderr.contains("KHALTI_TOKEN is set but empty"), "'\(value)': \(result.stderr)")
            #expect(!result.stdout.contains("SANDBOX"))
        }
    }

    @Test("a CRLF config file reads as LF; a mistake on a later line of it is found (exit 64)")
    func crlfConfig() async throws {
        let runner = try BinaryRunner()
        try runner.writeConfig("counter = Counter1\r\noperator = Ram\r\n")
        try await runner.openShift()
        _ = try await runner.pay("Pradhanang")
        let row = try #require(try jsonArray(try await runner.run(["history", "--json"]).stdout).first)
        #expect(row["counter"] as? String == "Counter1")
        #expect(row["operator"] as? String == "Ram")
        try runner.writeConfig("counter = Counter1\r\noperator = Ram\r\nprinter_port = 9100\r\n")
        let bad = try await runner.run(["history"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("config, line 3: unknown setting \"printer_port\""), "\(bad.stderr)")
    }

    @Test("bad config files stop every command with the line (exit 64)")
    func badConfigFiles() async throws {
        let runner = try BinaryRunner()
        for (text, words) in [
            ("counter = C1\ncounter = C2\n", "line 2: counter is already set on line 1"),
            ("calendar = lunar\n", "line 1: calendar is both"),
            ("printer = lp -d counter1\n", "printer = lp -d counter1 is not an ESC/POS printer"),
            ("drawer = kick\n", "drawer = kick needs an ESC/POS printer"),
        ] {
            try runner.writeConfig(text)
            // The printer settings are checked by the commands that print, before anything is sent.
            let arguments = text.hasPrefix("printer") || text.hasPrefix("drawer") ? ["pay", "Pradhanang", "--months", "1", "--yes"] : ["history"]
            let result = try await runner.run(arguments)
            #expect(result.status == 64, "\(text)")
            #expect(result.stderr.contains(words), "\(text): \(result.stderr)")
        }
        try runner.writeConfig("counter = C1\ncounter = C2\n")
        let json = try jsonObject(try await runner.run(["history", "--json"]).stdout)
        #expect(json["exit_code"] as? Int == 64 && json["outcome"] as? String == "usage")
        try runner.writeConfig("")
        #expect(try await runner.run(["history", "--json"]).stdout == "[]\n", "nothing was paid by the refused runs")
    }
}
