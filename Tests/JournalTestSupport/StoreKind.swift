import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresJournal
import SQLiteJournal
import Synchronization

/// The journal implementations the contract suite runs against: SQLite always;
/// PostgreSQL with a server (`ARROWNET_TEST_POSTGRES_URL`, which scripts/test sets),
/// and always under CI, where a missing server fails the suite instead of skipping it.
public enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// Every kind this run can test.
    public static var available: [StoreKind] {
        PostgresTestServer.isExpected ? allCases : [.sqlite]
    }
}

/// A fresh, empty journal of one kind, and more views of the same journal as other
/// processes (other counters) would open them.
public final class StoreFixture: Sendable {
    public let kind: StoreKind
    public let store: any JournalStore
    private let folder: URL
    /// The throwaway database of a PostgreSQL fixture, dropped by `remove()`.
    private let database: PostgresTestDatabase?
    /// Stores opened with `another()`, closed with the fixture.
    private let others = Mutex<[any JournalStore]>([])

    private init(kind: StoreKind, store: any JournalStore, folder: URL, database: PostgresTestDatabase?) {
        self.kind = kind
        self.store = store
        self.folder = folder
        self.database = database
    }

    /// A fresh, empty journal: a new SQLite file, or a new database on the test server.
    public static func make(_ kind: StoreKind) async throws -> StoreFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-contract-\(UUID().uuidString)")
        switch kind {
        case .sqlite:
            let store = try SQLiteJournal(path: folder.appendingPathComponent("data").appendingPathComponent(SQLiteJournal.fileName).path)
            return StoreFixture(kind: kind, store: store, folder: folder, database: nil)
        case .postgres:
            let database = try await PostgresTestDatabase.create()
            do {
                let store = try await PostgresJournal.open(database.address)
                return StoreFixture(kind: kind, store: store, folder: folder, database: database)
            } catch {
                await database.drop()
                throw error
            }
        }
    }

    /// A fresh journal with an open shift at `JournalSamples.counter`, as a counter has
    /// before it takes a payment.
    public static func ready(_ kind: StoreKind) async throws -> StoreFixture {
        let fixture = try await StoreFixture.make(kind)
        try await fixture.ensureShift(counter: JournalSamples.counter)
        return fixture
    }

    /// Opens a shift at the counter unless one is open.
    public func ensureShift(counter: String, on writer: (any JournalStore)? = nil) async throws {
        let store = writer ?? self.store
        guard try await store.currentShift(counter: counter) == nil else { return }
        _ = try await store.openShift(ShiftOpening(
            counter: counter, operatorName: "sita", openingFloat: Money(rupees: 1000), openingBalance: nil, at: JournalSamples.morning))
    }

    /// Another store on the same journal, with an owner of its own: another counter,
    /// or another process at this counter.
    public func another() async throws -> any JournalStore {
        let opened: any JournalStore = switch kind {
        case .sqlite: try SQLiteJournal(path: store.location)
        case .postgres: try await PostgresJournal.open(try database.unwrapped().address)
        }
        others.withLock { $0.append(opened) }
        return opened
    }

    /// Runs `body` on a fresh journal and removes it afterwards, whatever happens.
    public static func with(_ kind: StoreKind, _ body: (StoreFixture) async throws -> Void) async throws {
        let fixture = try await StoreFixture.ready(kind)
        do {
            try await body(fixture)
        } catch {
            await fixture.remove()
            throw error
        }
        await fixture.remove()
    }

    public func remove() async {
        for other in others.withLock({ $0 }) { await other.close() }
        await store.close()
        try? FileManager.default.removeItem(at: folder)
        await database?.drop()
    }
}
