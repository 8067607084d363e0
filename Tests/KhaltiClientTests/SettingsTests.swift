import Foundation
import Testing
@testable import KhaltiClient

@Suite("Configuration")
struct SettingsTests {
    /// A fresh XDG config folder with the given files (and token file mode).
    func loader(token: String? = nil, tokenMode: Int = 0o600, config: String? = nil, environment: [String: String] = [:]) throws -> SettingsLoader {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("arrownet-settings-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("arrownet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let token {
            let path = folder.appendingPathComponent("token").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(token.utf8), attributes: [.posixPermissions: tokenMode])
        }
        if let config {
            try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        }
        return SettingsLoader(environment: environment.merging(["XDG_CONFIG_HOME": root.path]) { a, _ in a })
    }

    @Test("nothing configured: the embedded sandbox")
    func sandbox() throws {
        #expect(try loader().load(baseURLFlag: nil).connection == .embeddedSandbox)
    }

    @Test("a TEST token alone means UAT, a live token live")
    func fromToken() throws {
        #expect(try loader(environment: ["KHALTI_TOKEN": "TEST:abc"]).load(baseURLFlag: nil).connection
            == .khalti(.uat, try KhaltiToken("TEST:abc")))
        #expect(try loader(token: "live123\n").load(baseURLFlag: nil).connection == .khalti(.live, try KhaltiToken("live123")))
    }

    @Test("order: flag, then environment, then config file; environment token before the file")
    func order() throws {
        let subject = try loader(
            token: "TEST:file", config: "base_url = https://uat-mirror.example.com\ncounter = C1 # front desk\noperator = sita\n",
            environment: ["KHALTI_TOKEN": "TEST:env", "KHALTI_BASE_URL": "http://127.0.0.1:8089"]
        )
        let fromFlag = try subject.load(baseURLFlag: "uat")
        #expect(fromFlag.connection == .khalti(.uat, try KhaltiToken("TEST:env")))
        #expect(fromFlag.counter == "C1")
        #expect(fromFlag.operatorName == "sita")
        guard case .khalti(let endpoint, _) = try subject.load(baseURLFlag: nil).connection else { Issue.record("no khalti"); return }
        #expect(endpoint.baseURL == "http://127.0.0.1:8089")
        var withoutEnvURL = subject
        withoutEnvURL.environment["KHALTI_BASE_URL"] = nil
        guard case .khalti(let fileEndpoint, _) = try withoutEnvURL.load(baseURLFlag: nil).connection else { Issue.record("no khalti"); return }
        #expect(fileEndpoint.baseURL == "https://uat-mirror.example.com")
    }

    @Test("a token file readable by others is refused, naming the fix and not the token")
    func openTokenFile() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try loader(token: "TEST:secretvalue", tokenMode: 0o644).load(baseURLFlag: nil)
        }
        #expect(error?.description.contains("chmod 600") == true)
        #expect(error?.description.contains("secretvalue") == false)
    }

    @Test("a test token on live and a live token on UAT are refused")
    func mismatches() throws {
        #expect(throws: ConfigurationError.testTokenOnLive) {
            try loader(environment: ["KHALTI_TOKEN": "TEST:abc"]).load(baseURLFlag: "live")
        }
        #expect(throws: ConfigurationError.liveTokenOnTest) {
            try loader(environment: ["KHALTI_TOKEN": "abc"]).load(baseURLFlag: "https://uatservices.khalti.com/")
        }
    }

    @Test("plain http only to loopback; a remote URL needs a token")
    func urls() throws {
        #expect(throws: ConfigurationError.plainHTTPToRemoteHost("services.khalti.com")) {
            try KhaltiEndpoint(parsing: "http://services.khalti.com")
        }
        #expect(try KhaltiEndpoint(parsing: "http://localhost:8089/").baseURL == "http://localhost:8089")
        #expect(try KhaltiEndpoint(parsing: "http://127.0.0.2:1").environment == .local)
        #expect(try KhaltiEndpoint(parsing: "http://[::1]:1").environment == .local)
        #expect(try KhaltiEndpoint(parsing: "LIVE") == .live)
        #expect(throws: ConfigurationError.self) { try KhaltiEndpoint(parsing: "ftp://x") }
        #expect(throws: ConfigurationError.self) { try KhaltiEndpoint(parsing: "not a url") }
        #expect(throws: ConfigurationError.self) { try KhaltiEndpoint(parsing: "http://127.0.0.1.evil.com") }
        #expect(throws: ConfigurationError.noTokenForRemote("https://uatservices.khalti.com")) {
            try loader().load(baseURLFlag: "uat")
        }
        #expect(try loader().load(baseURLFlag: "http://127.0.0.1:8089").connection
            == .localWithoutToken(try KhaltiEndpoint(parsing: "http://127.0.0.1:8089")))
    }

    @Test("config file mistakes name the line")
    func configErrors() throws {
        #expect(throws: ConfigurationError.invalidSetting(file: "f", line: 2, problem: "unknown setting \"base_ur\" (known: \(ConfigFile.keyNames))")) {
            try ConfigFile.parse("# comment\nbase_ur = uat\n", path: "f")
        }
        #expect(throws: ConfigurationError.self) { try ConfigFile.parse("token = TEST:abc\n", path: "f") }
        #expect(throws: ConfigurationError.self) { try ConfigFile.parse("justaword\n", path: "f") }
    }

    @Test("a token with spaces inside is refused")
    func malformedToken() {
        #expect(throws: ConfigurationError.malformedToken) { try KhaltiToken("TEST:a b") }
        #expect(throws: ConfigurationError.emptyToken) { try KhaltiToken(" \n") }
    }
}
