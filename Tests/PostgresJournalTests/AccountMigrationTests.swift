import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
@testable import PostgresJournal
import Testing

@Suite("PostgreSQL journal: a version 1 journal is upgraded for Khalti accounts", .enabled(if: PostgresTestServer.isExpected))
struct PostgresAccountMigrationTests {
    @Test("a held payment of version 1 opens without an account, takes the first claimer's, and keeps it")
    func fromVersion1() async throws {
        try await PostgresSchemaTests.withDatabase { database in
            // The database as version 1 made it, with a held payment in an open shift.
            try await RawPostgres.with(database.address) { raw in
                try await raw.must("BEGIN")
                for statement in PostgresSetup.statements(PostgresSchema.version1) { try await raw.must(statement) }
                try await raw.must("CREATE TABLE journal_schema (version INTEGER NOT NULL, migrated_at TIMESTAMPTZ NOT NULL DEFAULT now())")
                try await raw.must("INSERT INTO journal_schema (version) VALUES (1)")
                try await raw.must("COMMIT")
                try await raw.must("INSERT INTO shift (counter, number, operator, opening_float_paisa, opened_at) VALUES ('counter-1', 1, 'o', 0, now())")
                try await raw.must(PostgresSchemaTests.insertPayment("OLD1", username: "oldcustomer"))
                try await raw.must("UPDATE payment SET state = 'sending', sent_at = now() WHERE reference = 'OLD1'")
                try await raw.must("UPDATE payment SET state = 'held', first_lookup_at = now() WHERE reference = 'OLD1'")
            }
            let journal = try await PostgresJournal.open(database.address)
            let reference = try PaymentReference("OLD1")
            #expect(try await journal.payment(reference)?.khaltiAccount == nil)
            let time = Date().addingTimeInterval(3600)
            let claimed = try await journal.claimLookups(
                in: "sandbox", account: JournalSamples.account, at: time, schedule: .all, claimUntil: time.addingTimeInterval(300))
            #expect(claimed.map(\.khaltiAccount) == [JournalSamples.account])
            #expect(try await journal.payment(reference)?.khaltiAccount == JournalSamples.account)
            await journal.close()
            try await RawPostgres.with(database.address) { raw in
                #expect(try await raw.value("SELECT max(version) FROM journal_schema", as: Int.self) == PostgresSchema.currentVersion)
                try await raw.expectRefused("UPDATE payment SET khalti_account = 'another' WHERE reference = 'OLD1'", SQLState.checkViolation)
            }
        }
    }
}
