import ArrownetDomain
import Foundation
import PaymentJournal
import PostgresNIO

extension PostgresJournal {
    /// The name of the advisory lock that says `owner` is alive.
    static func ownerLockName(_ owner: String) -> String { "arrownet owner " + owner }

    /// One write transaction (READ COMMITTED; each write locks what it decides on, see
    /// the type's comment). A `JournalError` thrown inside comes out as it is; anything
    /// else is `writeFailed` with PostgreSQL's words. Gives up after `timeout`: the
    /// caller then sends nothing, and what the transaction did is rolled back or, had it
    /// committed meanwhile, left to the normal recovery of an unsent intent.
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(JournalError) -> T {
        try await transaction(readOnly: false, timeout: timeout, body)
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(JournalError) -> T {
        try await transaction(readOnly: true, timeout: timeout, body)
    }

    func transaction<T: Sendable>(
        readOnly: Bool, timeout limit: Duration, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(JournalError) -> T {
        let client = client
        let logger = logger
        let milliseconds = max(1, limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000)
        do {
            return try await withThrowingTaskGroup(of: Finished<T>.self) { group in
                group.addTask {
                    try await client.withConnection { connection in
                        // Repeatable read for readers: a report's figures come from one snapshot.
                        try await connection.query(readOnly ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", logger: logger)
                        // Only the server can end a statement PostgresNIO has sent (task
                        // cancellation does not): a lock wait included, none outlasts the limit.
                        try await connection.query(PostgresQuery(unsafeSQL: "SET LOCAL statement_timeout = \(milliseconds)"), logger: logger)
                        do {
                            let value = try await body(connection)
                            try await connection.query("COMMIT", logger: logger)
                            return .answered(value)
                        } catch {
                            _ = try? await connection.query("ROLLBACK", logger: logger)
                            throw error
                        }
                    }
                }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return .timedOut
                }
                guard case .answered(let value) = try await group.next() else {
                    group.cancelAll()
                    throw noAnswer(within: limit)
                }
                group.cancelAll()
                return value
            }
        } catch let error as JournalError {
            throw error
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "57014" {
            // statement_timeout: the limit above, reached on the server.
            throw noAnswer(within: limit)
        } catch {
            throw readOnly ? .readFailed(Self.reason(error)) : .writeFailed(Self.reason(error))
        }
    }
}

extension PostgresJournal {
    /// The limit reached, whether the client's wait or the server's statement timeout ended it.
    func noAnswer(within limit: Duration) -> JournalError {
        .unavailable("the database at \(address.host) did not answer within \(limit.components.seconds) s")
    }
}

/// Which of a journal call and its time limit finished first.
private enum Finished<T: Sendable>: Sendable {
    case answered(T)
    case timedOut
}

/// A time as the journal keeps it: to the millisecond (`Date.journalMilliseconds`), as
/// the SQLite journal keeps it, so a payment copied between them, or read back, is the
/// same instant.
struct StoredInstant: PostgresNonThrowingEncodable, PostgresDecodable, Sendable {
    let date: Date

    init(_ date: Date) { self.date = date }

    static var psqlType: PostgresDataType { .timestamptz }
    static var psqlFormat: PostgresFormat { .binary }

    /// Milliseconds between 1970 and PostgreSQL's epoch, 2000-01-01.
    private static let epochOffset: Int64 = 946_684_800_000

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger((date.journalMilliseconds - Self.epochOffset) * 1000)
    }

    init<JSONDecoder: PostgresJSONDecoder>(
        from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat, context: PostgresDecodingContext<JSONDecoder>
    ) throws {
        guard type == .timestamptz || type == .timestamp, format == .binary, buffer.readableBytes == 8,
              let microseconds = buffer.readInteger(as: Int64.self)
        else { throw PostgresDecodingError.Code.typeMismatch }
        let milliseconds = microseconds.floorDivided(by: 1000).quotient + Self.epochOffset
        date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

extension Date {
    var stored: StoredInstant { StoredInstant(self) }
}
