// swift-tools-version:6.1
import PackageDescription

// Layers, dependencies pointing downwards only (see README "Architecture"):
//   arrownet (executable) -> KhaltiSandbox, KhaltiClient, PaymentJournal -> ArrownetDomain
// ArrownetDomain is pure: no networking, no files, no SQLite.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "arrownet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "arrownet", targets: ["arrownet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // HMAC-SHA256 for the Khalti account fingerprint (already resolved through async-http-client).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .target(name: "ArrownetDomain", swiftSettings: strict),
        .target(
            name: "KhaltiClient",
            dependencies: [
                "ArrownetDomain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            // Times in SQLite as GRDB writes a Date, but without DateFormatter and so without ICU.
            name: "StoredDates",
            dependencies: ["ArrownetDomain", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "KhaltiSandbox",
            dependencies: [
                "ArrownetDomain",
                "StoredDates",
                "ProcessLocks",
                .product(name: "Hummingbird", package: "hummingbird"),
                // Graceful shutdown: cancelling a NIO server task can trap on a connection
                // accepted but not yet served (swift-nio issue 3481).
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The seed lives in the top-level Resources/ folder (a symlink makes it this target's).
            // The Bikram Sambat table there is ArrownetDomain's, compiled in, not a resource here.
            exclude: ["Resources/bs-calendar.txt"],
            resources: [.copy("Resources/sandbox-customers.json")],
            swiftSettings: strict
        ),
        // flock-based locks between processes on one machine (setting up a file; is a process alive?).
        .target(name: "ProcessLocks", swiftSettings: strict),
        // The one door to the payment journal: the store interface and its values, no database.
        .target(name: "PaymentJournal", dependencies: ["ArrownetDomain"], swiftSettings: strict),
        .target(
            // The journal in one SQLite file (GRDB): the embedded default for one counter.
            name: "SQLiteJournal",
            dependencies: ["PaymentJournal", "ArrownetDomain", "StoredDates", "ProcessLocks", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            // The journal in PostgreSQL (PostgresNIO): many counters on one journal, every
            // guarantee of the SQLite journal enforced by the database.
            name: "PostgresJournal",
            dependencies: [
                "PaymentJournal", "ArrownetDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            // The one payment path (journal first, then Khalti) and the reconciliation of held payments.
            name: "PaymentDesk",
            dependencies: ["ArrownetDomain", "KhaltiClient", "PaymentJournal"],
            swiftSettings: strict
        ),
        // The console without a screen: view-models, key map, receipts. Pure, driven headlessly.
        .target(name: "ConsoleCore", dependencies: ["ArrownetDomain"], swiftSettings: strict),
        // Performs what ConsoleCore asks for through injected clients, feeds the answers back.
        .target(name: "ConsoleRuntime", dependencies: ["ConsoleCore", "ArrownetDomain"], swiftSettings: strict),
        // Receipts and reports to files, a print command, or an ESC/POS printer (TCP or a
        // USB device file) with its cash drawer; names drawn by pango-view when installed.
        .target(name: "Printing", dependencies: ["ConsoleCore", "ArrownetDomain"], swiftSettings: strict),
        // The console's live world behind ConsoleEnvironment: Khalti, the payment desk and
        // its journal, the receipt printer. The executable builds it; flow tests drive it.
        .target(
            name: "LiveConsole",
            dependencies: ["ConsoleRuntime", "ConsoleCore", "Printing", "KhaltiClient", "PaymentDesk", "PaymentJournal", "ArrownetDomain"],
            swiftSettings: strict
        ),
        // Pure drawing: a screen buffer of cells, widgets, one render function per screen.
        .target(name: "TerminalUI", dependencies: ["ConsoleCore", "ArrownetDomain"], swiftSettings: strict),
        // ncursesw, as a system library; only CursesTerminal imports it.
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // The only code that touches ncurses: keys in, buffers out, the terminal restored.
        .target(name: "CursesTerminal", dependencies: ["CNCurses", "TerminalUI", "ConsoleCore"], swiftSettings: strict),
        .executableTarget(
            name: "arrownet",
            dependencies: [
                "ArrownetDomain",
                "KhaltiClient",
                "KhaltiSandbox",
                "PaymentJournal",
                "SQLiteJournal",
                "PostgresJournal",
                "PaymentDesk",
                "ConsoleCore",
                "ConsoleRuntime",
                "LiveConsole",
                "TerminalUI",
                "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            // Fixtures/: every BS and AD day pair, read through #filePath, so no resource bundle.
            name: "ArrownetDomainTests", dependencies: ["ArrownetDomain"], exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(
            // Every screen as golden text at 80x24 and at the minimum size.
            name: "TerminalUITests",
            dependencies: [
                "TerminalUI", "ConsoleCore", "ConsoleTestSupport", "ArrownetDomain",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        // The customer, plans and moment the console's test targets share, and the errors
        // and payment outcomes exactly as the live console makes them (LiveConsole's own mappings).
        .target(
            name: "ConsoleTestSupport",
            dependencies: ["ArrownetDomain", "ConsoleCore", "LiveConsole", "PaymentDesk", "PaymentJournal", "KhaltiClient"],
            path: "Tests/ConsoleTestSupport", swiftSettings: strict
        ),
        .testTarget(name: "ConsoleCoreTests", dependencies: ["ConsoleCore", "ConsoleTestSupport", "ArrownetDomain"], swiftSettings: strict),
        .testTarget(
            name: "ConsoleRuntimeTests",
            dependencies: ["ConsoleRuntime", "ConsoleCore", "ConsoleTestSupport", "ArrownetDomain"],
            swiftSettings: strict
        ),
        .testTarget(
            // The error and outcome mappings, without a server.
            name: "LiveConsoleTests",
            dependencies: [
                "LiveConsole", "Printing", "ConsoleCore", "ConsoleTestSupport", "KhaltiClient", "PaymentDesk", "PaymentJournal",
                "ArrownetDomain",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            // Files, print commands, and ESC/POS bytes decoded back into commands, sent to a
            // loopback listener and a file standing in for the printer; golden byte files.
            name: "PrintingTests",
            dependencies: ["Printing", "ConsoleCore", "ConsoleTestSupport", "NetworkTestSupport", "ArrownetDomain"],
            exclude: ["__Golden__"],
            swiftSettings: strict
        ),
        .testTarget(
            // Whole payments typed into the console, live environment, real sandbox and journal.
            name: "ConsoleFlowTests",
            dependencies: [
                "LiveConsole", "ConsoleRuntime", "ConsoleCore", "KhaltiClient", "KhaltiSandbox", "PaymentDesk",
                "PaymentJournal", "SQLiteJournal", "ArrownetDomain",
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "KhaltiSandboxTests",
            dependencies: [
                "KhaltiSandbox",
                "ArrownetDomain",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            // Runs the built `arrownet` binary as a user would, against an in-process sandbox.
            name: "ArrownetCLITests",
            dependencies: [
                "KhaltiSandbox", "ArrownetDomain", "PaymentJournal", "SQLiteJournal", "PostgresJournal", "JournalTestSupport",
                "NetworkTestSupport",
                // Only for a Khalti that echoes the token back, which the sandbox never does.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        // Fresh journals of every kind, and payments in any state through the store's API.
        .target(
            name: "JournalTestSupport",
            dependencies: [
                "PaymentJournal", "SQLiteJournal", "PostgresJournal", "ArrownetDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Tests/JournalTestSupport", swiftSettings: strict
        ),
        .testTarget(
            // What every journal implementation must do, run unchanged against each.
            name: "JournalContractTests",
            dependencies: ["JournalTestSupport", "PaymentJournal", "ArrownetDomain"],
            swiftSettings: strict
        ),
        .testTarget(
            // What only the SQLite journal has: files, modes, migrations, triggers seen from raw SQL.
            name: "SQLiteJournalTests",
            dependencies: [
                "SQLiteJournal", "PaymentJournal", "JournalTestSupport", "StoredDates", "ArrownetDomain",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            // What only the PostgreSQL journal has: the URL and password rules, the schema and
            // its triggers seen from raw SQL, journal copy, counters at once; its benchmark.
            name: "PostgresJournalTests",
            dependencies: [
                "PostgresJournal", "SQLiteJournal", "PaymentJournal", "JournalTestSupport", "ArrownetDomain",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            // The payment path and reconciliation against a real sandbox over loopback.
            name: "PaymentDeskTests",
            dependencies: [
                "NetworkTestSupport",
                "PaymentDesk",
                "PaymentJournal",
                "SQLiteJournal",
                "KhaltiClient",
                "KhaltiSandbox",
                "ArrownetDomain",
                // Only for a misbehaving server that echoes the token back, which the sandbox never does.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        // Helpers shared by the network tests (a port that refuses connections).
        .target(
            name: "NetworkTestSupport", dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Tests/NetworkTestSupport", swiftSettings: strict),
        .testTarget(
            name: "KhaltiClientTests",
            dependencies: [
                "NetworkTestSupport",
                "KhaltiClient",
                "KhaltiSandbox",
                "ArrownetDomain",
                // Only for a server that answers with a redirect, which no Khalti call does.
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
