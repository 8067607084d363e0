import Foundation
import PostgresJournal
import Testing

/// The journal URL, its TLS rules and where its password comes from. No server: these
/// run everywhere.
@Suite("PostgreSQL journal address: the URL, TLS and the password's only sources")
struct PostgresAddressTests {
    // MARK: Reading the URL

    @Test("a postgres:// URL gives the user, server, port and database")
    func full() throws {
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com:6543/journal?sslmode=verify-full")
        #expect(address.user == "clerk")
        #expect(address.host == "db.example.com")
        #expect(address.port == 6543)
        #expect(address.database == "journal")
        #expect(address.tlsMode == .verifyFull)
    }

    @Test("postgresql:// is the same scheme, any case; the port defaults to 5432; spaces around are ignored")
    func schemeAndDefaultPort() throws {
        for text in ["postgresql://clerk@127.0.0.1/arrownet", "  POSTGRES://clerk@127.0.0.1/arrownet ", "PostgreSQL://clerk@127.0.0.1/arrownet"] {
            let address = try PostgresAddress(parsing: text)
            #expect(address.user == "clerk", "\(text)")
            #expect(address.host == "127.0.0.1", "\(text)")
            #expect(address.port == 5432, "\(text)")
            #expect(address.database == "arrownet", "\(text)")
        }
    }

    @Test("a password in the URL is refused, and the sentence never repeats it", arguments: [
        "postgres://clerk:secret@db.example.com/journal",
        "postgres://clerk:secret@127.0.0.1:5432/journal?sslmode=disable",
        "postgresql://clerk:secret@db.example.com",
        "postgres://clerk@db.example.com/journal?password=secret",
        "postgres://clerk@db.example.com/journal?sslmode=require&password=secret",
    ])
    func passwordRefused(text: String) {
        let error = #expect(throws: PostgresAddressError.passwordInURL) { try PostgresAddress(parsing: text) }
        #expect(error?.description.contains("secret") == false)
        #expect(error?.description.contains("PGPASSWORD") == true, "says where the password goes instead")
    }

    @Test("a URL without a user, a database or a known form is refused with a sentence", arguments: [
        "postgres://db.example.com/journal",
        "postgres://@db.example.com/journal",
        "postgres://clerk@db.example.com",
        "postgres://clerk@db.example.com/",
        "postgres://clerk@db.example.com/journal/more",
        "postgres://clerk@/journal",
        "mysql://clerk@db.example.com/journal",
        "journal.sqlite",
        "",
    ])
    func incomplete(text: String) {
        let error = #expect(throws: PostgresAddressError.self) { try PostgresAddress(parsing: text) }
        guard case .unreadable = error else { Issue.record("\(text): got \(String(describing: error))"); return }
        #expect(error?.description.hasPrefix("The journal URL cannot be used") == true)
    }

    @Test("a setting other than sslmode is refused by name, so a typo is never silently ignored")
    func unknownSetting() {
        let error = #expect(throws: PostgresAddressError.self) {
            try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?connect_timeout=5")
        }
        #expect(error?.description.contains("connect_timeout") == true, "\(String(describing: error))")
        #expect(throws: PostgresAddressError.self) { try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?ssl=true") }
    }

    @Test("an sslmode this program does not know, or none given, is refused", arguments: ["allow", "verify-ca", "REQUIRE", ""])
    func badSSLMode(mode: String) {
        let error = #expect(throws: PostgresAddressError.self) {
            try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?sslmode=\(mode)")
        }
        #expect(error?.description.contains("sslmode is one of disable, prefer, require, verify-full") == true, "\(String(describing: error))")
    }

    @Test("a port out of range is refused")
    func badPort() {
        #expect(throws: PostgresAddressError.self) { try PostgresAddress(parsing: "postgres://clerk@db.example.com:0/journal") }
        #expect(throws: PostgresAddressError.self) { try PostgresAddress(parsing: "postgres://clerk@db.example.com:70000/journal") }
    }

    // MARK: TLS

    @Test("a server on loopback defaults to prefer (TLS when offered); any other to require")
    func tlsDefaults() throws {
        for host in ["127.0.0.1", "127.0.1.1", "localhost", "LOCALHOST"] {
            #expect(try PostgresAddress(parsing: "postgres://clerk@\(host)/journal").tlsMode == .prefer, "\(host)")
            #expect(try PostgresAddress(parsing: "postgres://clerk@\(host)/journal").isLoopback, "\(host)")
        }
        for host in ["db.example.com", "10.0.0.5", "192.168.1.20"] {
            let address = try PostgresAddress(parsing: "postgres://clerk@\(host)/journal")
            #expect(address.tlsMode == .require, "\(host)")
            #expect(!address.isLoopback, "\(host)")
        }
    }

    @Test("plain or opportunistic TLS to a remote server is refused; to loopback it is allowed")
    func plainOnlyOnLoopback() throws {
        for mode in ["disable", "prefer"] {
            #expect(throws: PostgresAddressError.plainToRemote("db.example.com")) {
                try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?sslmode=\(mode)")
            }
        }
        #expect(try PostgresAddress(parsing: "postgres://clerk@127.0.0.1/journal?sslmode=disable").tlsMode == .disable)
        #expect(try PostgresAddress(parsing: "postgres://clerk@localhost/journal?sslmode=disable").tlsMode == .disable)
        #expect(try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?sslmode=require").tlsMode == .require)
        #expect(try PostgresAddress(parsing: "postgres://clerk@127.0.0.1/journal?sslmode=verify-full").tlsMode == .verifyFull)
    }

    /// URLComponents keeps an IPv6 literal's brackets ("[::1]"): kept in `host`, they reach
    /// the resolver (which knows no "[::1]", so the journal cannot be reached at all) and
    /// the password file (whose lines name "::1"), and the loopback rule misses "[::1]".
    @Test("an IPv6 literal is kept without its brackets, and ::1 is loopback")
    func ipv6() throws {
        let loopback = try PostgresAddress(parsing: "postgres://clerk@[::1]:54320/journal")
        #expect(loopback.host == "::1")
        #expect(loopback.tlsMode == .prefer)
        let remote = try PostgresAddress(parsing: "postgres://clerk@[fe80::1]/journal")
        #expect(remote.host == "fe80::1")
        let plain = try PostgresAddress(parsing: "postgres://clerk@[::1]/journal?sslmode=disable")
        #expect(plain.tlsMode == .disable)
        // What already holds: the description shows the brackets once, and a remote IPv6 server needs TLS.
        #expect(try PostgresAddress(parsing: "postgres://clerk@[fe80::1]/journal").description == "postgres://clerk@[fe80::1]:5432/journal")
        #expect(try PostgresAddress(parsing: "postgres://clerk@[fe80::1]/journal").tlsMode == .require)
    }

    /// Only 127.0.0.0/8 written as an address is loopback: a name that starts with "127."
    /// is whatever DNS says it is, and plain text to it may cross a network.
    @Test("a host name that merely starts with 127. is not loopback, so plain text to it is refused")
    func namesStartingWith127() throws {
        for host in ["127.attacker.example", "127.0.0.1.nip.io"] {
            let address = try PostgresAddress(parsing: "postgres://clerk@\(host)/journal")
            #expect(address.tlsMode == .require, "\(host)")
            #expect(!address.isLoopback, "\(host)")
            #expect(throws: PostgresAddressError.plainToRemote(host)) {
                try PostgresAddress(parsing: "postgres://clerk@\(host)/journal?sslmode=disable")
            }
        }
    }

    // MARK: Showing it

    @Test("the description is the URL without any password or setting, port always shown")
    func description() throws {
        #expect(try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal?sslmode=verify-full").description
            == "postgres://clerk@db.example.com:5432/journal")
        #expect(try PostgresAddress(parsing: "postgresql://clerk@127.0.0.1:54320/journal").description
            == "postgres://clerk@127.0.0.1:54320/journal")
        // An address reads back from its own description, as a test or a child process passes it on.
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com:6543/journal")
        #expect(try PostgresAddress(parsing: address.description) == address)
    }

    // MARK: The password

    @Test("PGPASSWORD wins over the password file; an empty one does not count")
    func environmentWins() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("pgpass", "*:*:*:*:from-file\n")
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: ["PGPASSWORD": "from-env", "PGPASSFILE": file], home: folder.path) == "from-env")
        #expect(address.password(environment: ["PGPASSWORD": "", "PGPASSFILE": file], home: folder.path) == "from-file")
    }

    @Test("a password file group or others may read is not used, as libpq does not use it")
    func openPasswordFileIgnored() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("pgpass", "*:*:*:*:from-file\n")
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: ["PGPASSFILE": file], home: folder.path) == "from-file")
        #expect(chmod(file, 0o644) == 0)
        #expect(address.password(environment: ["PGPASSFILE": file], home: folder.path) == nil)
    }

    @Test("the password file: host:port:database:user:password, * matches anything, the first matching line wins")
    func passwordFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("pgpass", """
            # host:port:database:user:password
            db.example.com:5432:journal:someoneelse:not-this-user
            db.example.com:6543:journal:clerk:not-this-port
            db.example.com:5432:other:clerk:not-this-database
            other.example.com:5432:journal:clerk:not-this-host
            #db.example.com:5432:journal:clerk:commented-out
            db.example.com:*:journal:clerk:the-first-match
            *:*:*:*:a-later-match
            """)
        let environment = ["PGPASSFILE": file]
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: environment, home: folder.path) == "the-first-match")
        // Only the wildcard line fits this one.
        let elsewhere = try PostgresAddress(parsing: "postgres://cashier@127.0.0.1:54320/arrownet")
        #expect(elsewhere.password(environment: environment, home: folder.path) == "a-later-match")
    }

    @Test(#"a backslash escapes ':' and '\' in the password file"#)
    func escapes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("pgpass", #"""
            db.example.com:5432:journal:clerk:pa\:ss\\word
            db.example.com:5432:we\:ird:clerk:database-with-a-colon
            """#)
        let environment = ["PGPASSFILE": file]
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: environment, home: folder.path) == #"pa:ss\word"#)
        let weird = try PostgresAddress(parsing: "postgres://clerk@db.example.com/we:ird")
        #expect(weird.database == "we:ird")
        #expect(weird.password(environment: environment, home: folder.path) == "database-with-a-colon")
    }

    @Test("without PGPASSFILE the file is ~/.pgpass; CRLF line ends are read too")
    func homeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try folder.write(".pgpass", "other.example.com:5432:journal:clerk:no\r\ndb.example.com:5432:journal:clerk:from-home\r\n")
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: [:], home: folder.path) == "from-home")
        #expect(address.password(environment: ["PGPASSFILE": ""], home: folder.path) == "from-home", "an empty PGPASSFILE is unset")
    }

    @Test("no matching line, or no file at all: nil (trust or peer authentication)")
    func noPassword() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("pgpass", "other.example.com:*:*:*:no\nnot a password line\n\n")
        let address = try PostgresAddress(parsing: "postgres://clerk@db.example.com/journal")
        #expect(address.password(environment: ["PGPASSFILE": file], home: folder.path) == nil)
        #expect(address.password(environment: ["PGPASSFILE": folder.path + "/missing"], home: folder.path) == nil)
        #expect(address.password(environment: [:], home: folder.path) == nil, "no ~/.pgpass")
    }
}

/// A fresh folder for password files; removed by the test.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Writes the file with mode 600, as libpq wants a password file, and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        guard FileManager.default.createFile(atPath: file, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
