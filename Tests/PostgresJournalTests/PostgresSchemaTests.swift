import ArrownetDomain
import Foundation
import JournalTestSupport
import PaymentJournal
@testable import PostgresJournal
import Testing

/// The money rules as the database itself enforces them, seen from a plain connection
/// that skips every check the journal's code makes: a statement the code never sends is
/// refused by a trigger (23514) or a unique index (23505), and refused whole.
@Suite("PostgreSQL journal schema: the database refuses what the code never does", .enabled(if: PostgresTestServer.isExpected))
struct PostgresSchemaTests {
    static let openShiftOfCounter1 = "(SELECT id FROM shift WHERE counter = 'counter-1' AND closed_at IS NULL)"

    /// A payment row as a careless program would insert it, bypassing `prepare`.
    static func insertPayment(
        _ reference: String, username: String, state: String = "prepared", counter: String = "counter-1",
        environment: String = "sandbox", shift: String = openShiftOfCounter1
    ) -> String {
        """
        INSERT INTO payment (reference, khalti_environment, username, customer_name, months, amount_paisa, counter, operator,
            state, created_at, updated_at, shift_id)
        VALUES ('\(reference)', '\(environment)', '\(username)', 'Raw Insert', 1, 169500, '\(counter)', 'raw', '\(state)',
            now(), now(), \(shift))
        """
    }

    // MARK: Payments

    @Test("a payment is inserted only as prepared, and only in its own counter's open shift")
    func insertOnlyPreparedInOpenShift() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            // Counter 2 has an open shift, counter 3 a closed one.
            try await fixture.ensureShift(counter: "counter-2")
            try await fixture.ensureShift(counter: "counter-3")
            let closing = try #require(try await fixture.store.currentShift(counter: "counter-3"))
            _ = try await fixture.store.closeShift(
                ShiftClosing(shiftID: closing.id, countedCash: .zero, closingBalance: nil, note: nil, at: JournalSamples.morning),
                report: { ShiftReport(shift: $0.shift.info, takenAt: $0.until) })
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for state in PaymentState.allCases where state != .prepared {
                    try await raw.expectRefused(Self.insertPayment("I-\(state.rawValue)", username: "i\(state.rawValue)", state: state.rawValue), SQLState.checkViolation)
                }
                try await raw.expectRefused(Self.insertPayment("I1", username: "noshift", shift: "NULL"), SQLState.checkViolation)
                try await raw.expectRefused(
                    Self.insertPayment("I2", username: "othercounter", shift: "(SELECT id FROM shift WHERE counter = 'counter-2')"),
                    SQLState.checkViolation)
                try await raw.expectRefused(
                    Self.insertPayment("I3", username: "closedshift", counter: "counter-3", shift: "\(closing.id)"), SQLState.checkViolation)
                // The control: the same row, prepared in its open shift, goes in.
                await raw.expectAccepted(Self.insertPayment("I4", username: "allowed"))
            }
            #expect(try await fixture.store.payment(try PaymentReference("I4"))?.state == .prepared)
        }
    }

    /// The pairs with a change of state, and `held>held` (another lookup): setting a state
    /// to itself is no move, and the trigger looks at moves.
    static let moves: [(PaymentState, PaymentState)] = PaymentState.allCases.flatMap { from in
        PaymentState.allCases.filter { $0 != from || from == .held }.map { (from, $0) }
    }

    @Test("raw SQL moves a payment's state only where PaymentState.canMove allows (paid only when flagged)")
    func everyMoveThroughSQL() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            var payments: [(PaymentState, PaymentState, PaymentRecord)] = []
            for (index, (from, to)) in Self.moves.enumerated() {
                // A counter each: the abandoned samples come from recovery, which takes every
                // prepared payment of the counter it is asked about.
                let record = try await fixture.payment("M\(index)", in: from, username: "mover\(index)", counter: "moves-\(index)")
                payments.append((from, to, record))
            }
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for (from, to, record) in payments {
                    let sql = "UPDATE payment SET state = '\(to.rawValue)' WHERE reference = '\(record.reference)'"
                    // A final payment moves only while flagged for a person.
                    if from.canMove(to: to) && from.isOpen {
                        await raw.expectAccepted(sql)
                        #expect(try await fixture.store.payment(record.reference)?.state == to, "\(from) -> \(to)")
                    } else {
                        try await raw.expectRefused(sql, SQLState.checkViolation)
                        #expect(try await fixture.store.payment(record.reference) == record, "\(from) -> \(to) leaves it as it was")
                    }
                }
            }
        }
    }

    @Test("what was promised never changes; a resolved payment never changes; payments are never deleted")
    func paymentsAreFixed() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            try await fixture.payment("F1", in: .held)
            try await fixture.payment("F2", in: .paid, username: "paidcustomer")
            try await fixture.payment("F3", in: .notPaid, username: "notpaidcustomer")
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for change in [
                    "amount_paisa = 1", "months = 12", "username = 'someoneelse'", "customer_name = 'Someone Else'",
                    "khalti_environment = 'live'", "counter = 'counter-9'", "operator = 'nobody'", "owner = 'another-process'",
                    "created_at = created_at - interval '1 day'", "shift_id = NULL", "reference = 'F9'",
                ] {
                    try await raw.expectRefused("UPDATE payment SET \(change) WHERE reference = 'F1'", SQLState.checkViolation)
                }
                for change in ["transaction_id = 'other'", "lookup_count = 9", "next_lookup_at = now()", "state = 'not_paid'"] {
                    try await raw.expectRefused("UPDATE payment SET \(change) WHERE reference = 'F2'", SQLState.checkViolation)
                }
                // When a paid payment settled decides which shift's report counts it (settled from earlier shifts).
                for change in ["resolved_at = NULL", "resolved_at = resolved_at + interval '1 day'"] {
                    try await raw.expectRefused("UPDATE payment SET \(change) WHERE reference = 'F2'", SQLState.checkViolation)
                }
                for change in ["attention = 'reopen'", "updated_at = now()", "transaction_id = 'late'"] {
                    try await raw.expectRefused("UPDATE payment SET \(change) WHERE reference = 'F3'", SQLState.checkViolation)
                }
                for reference in ["F1", "F2", "F3"] {
                    try await raw.expectRefused("DELETE FROM payment WHERE reference = '\(reference)'", SQLState.checkViolation)
                }
                try await raw.expectRefused("TRUNCATE payment CASCADE", SQLState.checkViolation)
                // A held payment's lookup fields do move (as recordLookup moves them): the refusals above were about what they changed.
                await raw.expectAccepted("UPDATE payment SET lookup_count = lookup_count + 1 WHERE reference = 'F1'")
            }
        }
    }

    @Test("a flagged paid payment may become not paid from SQL, and nothing else about it changes")
    func flaggedPaid() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let paid = try await fixture.payment("G1", in: .paid)
            _ = try await fixture.store.flagPaid(
                paid.reference, problem: "refunded", evidence: PaymentEvidence(note: "refund found"), at: JournalSamples.morning)
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for change in ["transaction_id = 'other'", "state = 'held'", "lookup_count = 9", "state = 'not_paid', resolved_at = NULL"] {
                    try await raw.expectRefused("UPDATE payment SET \(change) WHERE reference = 'G1'", SQLState.checkViolation)
                }
                await raw.expectAccepted("UPDATE payment SET state = 'not_paid', resolved_at = now(), attention = NULL WHERE reference = 'G1'")
                try await raw.expectRefused("UPDATE payment SET state = 'paid' WHERE reference = 'G1'", SQLState.checkViolation)
            }
        }
    }

    @Test("the event log and receipt printings are append-only")
    func appendOnlyLogs() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let paid = try await fixture.payment("E1", in: .paid)
            try await fixture.store.recordReceiptPrinting(
                ReceiptPrinting(at: JournalSamples.morning, isReprint: false, newExpiry: nil, destination: "saved as /tmp/r.txt"), of: paid.reference)
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for sql in [
                    "UPDATE payment_event SET note = 'rewritten'",
                    "UPDATE payment_event SET to_state = 'not_paid' WHERE to_state = 'paid'",
                    "DELETE FROM payment_event",
                    "DELETE FROM payment_event WHERE to_state = 'sending'",
                    "UPDATE receipt_printing SET reprint = true",
                    "DELETE FROM receipt_printing",
                ] {
                    try await raw.expectRefused(sql, SQLState.checkViolation)
                }
                // Appending is what the code does, and is allowed.
                await raw.expectAccepted(
                    "INSERT INTO payment_event (payment_id, at, to_state, note) SELECT id, now(), 'paid', 'noted' FROM payment WHERE reference = 'E1'")
            }
        }
    }

    /// TRUNCATE fires no row trigger: each table needs a statement trigger of its own, as
    /// `payment` has. Without one, `TRUNCATE payment_event` empties the log in one line.
    @Test("no journal table can be emptied with TRUNCATE")
    func truncate() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let paid = try await fixture.payment("T1", in: .paid)
            try await fixture.store.recordReceiptPrinting(
                ReceiptPrinting(at: JournalSamples.morning, isReprint: false, newExpiry: nil, destination: "saved"), of: paid.reference)
            _ = try await fixture.store.recordCashMovement(NewCashMovement(
                counter: JournalSamples.counter, direction: .into, amount: Money(rupees: 500), reason: "change", operatorName: "sita",
                at: JournalSamples.morning))
            _ = try await fixture.store.recordDrawerOpening(NewDrawerOpening(
                counter: JournalSamples.counter, at: JournalSamples.morning, reason: NewDrawerOpening.forPayment, reference: paid.reference,
                operatorName: "sita"))
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                try await raw.expectRefused("TRUNCATE payment CASCADE", SQLState.checkViolation)
                try await raw.expectRefused("TRUNCATE shift CASCADE", SQLState.checkViolation)
                for table in ["payment_event", "receipt_printing", "cash_movement", "drawer_opening"] {
                    // In a transaction rolled back: the known issue must not leave the tables empty for the checks after it.
                    try await raw.must("BEGIN")
                    let refused = await raw.refusal("TRUNCATE \(table)")
                    try await raw.must("ROLLBACK")
                    #expect(refused?.sqlState == SQLState.checkViolation, "TRUNCATE \(table): \(refused.map(String.init(describing:)) ?? "accepted")")
                }
                #expect(try await raw.rowCounts()["payment_event"] == 3)
            }
        }
    }

    @Test("one unresolved payment per customer and Khalti, whatever the case of the username")
    func oneOpenPaymentPerCustomer() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            try await fixture.payment("U1", in: .held, username: "Pradhanang")
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                for username in ["pradhanang", "PRADHANANG", "Pradhanang"] {
                    try await raw.expectRefused(
                        Self.insertPayment("U-\(username)", username: username), SQLState.uniqueViolation, constraint: "payment_one_open_per_customer")
                }
                // Another Khalti, or another customer: the index is about this customer at this Khalti only.
                await raw.expectAccepted(Self.insertPayment("U2", username: "pradhanang", environment: "live"))
                await raw.expectAccepted(Self.insertPayment("U3", username: "someoneelse"))
            }
        }
    }

    // MARK: Shifts and cash

    @Test("one open shift per counter; a closed shift never changes; shifts are never deleted")
    func shifts() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let store = fixture.store
            try await fixture.ensureShift(counter: "counter-2")
            let closing = try #require(try await store.currentShift(counter: "counter-2"))
            let closed = try await store.closeShift(
                ShiftClosing(shiftID: closing.id, countedCash: Money(rupees: 1000), closingBalance: nil, note: "end", at: JournalSamples.morning),
                report: { ShiftReport(shift: $0.shift.info, takenAt: $0.until) })
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                try await raw.expectRefused(
                    "INSERT INTO shift (counter, number, operator, opening_float_paisa, opened_at) VALUES ('counter-1', 2, 'raw', 0, now())",
                    SQLState.uniqueViolation, constraint: "shift_one_open_per_counter")
                try await raw.expectRefused(
                    """
                    INSERT INTO shift (counter, number, operator, opening_float_paisa, opened_at, closed_at, counted_paisa, closing_report)
                    VALUES ('counter-7', 1, 'raw', 0, now(), now(), 0, '{}')
                    """,
                    SQLState.checkViolation)
                for change in ["note = 'rewritten'", "counted_paisa = 1", "closed_at = now()", "closing_report = '{}'", "closed_at = NULL"] {
                    try await raw.expectRefused("UPDATE shift SET \(change) WHERE id = \(closed.id)", SQLState.checkViolation)
                }
                try await raw.expectRefused("UPDATE shift SET operator = 'nobody' WHERE counter = 'counter-1'", SQLState.checkViolation)
                try await raw.expectRefused("DELETE FROM shift WHERE id = \(closed.id)", SQLState.checkViolation)
                // Reopening the closed counter is opening a new shift, numbered after it.
                await raw.expectAccepted("INSERT INTO shift (counter, number, operator, opening_float_paisa, opened_at) VALUES ('counter-2', 2, 'raw', 0, now())")
            }
        }
    }

    @Test("a shift cannot close while a payment of it is on its way; once it is answered, it can")
    func closingWithAPaymentOnItsWay() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let sending = try await fixture.payment("S1", in: .sending)
            let close = "UPDATE shift SET closed_at = now(), counted_paisa = 0, closing_report = '{}' WHERE counter = 'counter-1' AND closed_at IS NULL"
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                try await raw.expectRefused(close, SQLState.checkViolation)
                // Without its count and report, a close is refused even with nothing on its way.
                try await raw.expectRefused(
                    "UPDATE shift SET closed_at = now() WHERE counter = 'counter-1' AND closed_at IS NULL", SQLState.checkViolation)
                _ = try await fixture.store.recordAnswer(
                    RecordedAnswer(state: .held, evidence: PaymentEvidence(note: "no answer"), transactionID: nil, firstLookupAt: JournalSamples.morning),
                    of: sending.reference, at: JournalSamples.morning)
                await raw.expectAccepted(close)
            }
            #expect(try await fixture.store.currentShift(counter: JournalSamples.counter) == nil)
        }
    }

    @Test("cash moves only in an open shift; cash movements and drawer openings never change")
    func cashAndDrawer() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            let store = fixture.store
            let shift = try #require(try await store.currentShift(counter: JournalSamples.counter))
            _ = try await store.recordCashMovement(NewCashMovement(
                counter: JournalSamples.counter, direction: .into, amount: Money(rupees: 500), reason: "change", operatorName: "sita",
                at: JournalSamples.morning))
            _ = try await store.recordDrawerOpening(NewDrawerOpening(
                counter: JournalSamples.counter, at: JournalSamples.morning, reason: "count", reference: nil, operatorName: "sita"))
            _ = try await store.closeShift(
                ShiftClosing(shiftID: shift.id, countedCash: Money(rupees: 1500), closingBalance: nil, note: nil, at: JournalSamples.morning),
                report: { ShiftReport(shift: $0.shift.info, takenAt: $0.until) })
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                try await raw.expectRefused(
                    "INSERT INTO cash_movement (shift_id, direction, amount_paisa, reason, operator, at) VALUES (\(shift.id), 'out', 100, 'late', 'raw', now())",
                    SQLState.checkViolation)
                for sql in [
                    "UPDATE cash_movement SET amount_paisa = 1", "DELETE FROM cash_movement",
                    "UPDATE drawer_opening SET reason = 'payment'", "DELETE FROM drawer_opening",
                ] {
                    try await raw.expectRefused(sql, SQLState.checkViolation)
                }
            }
        }
    }

    // MARK: The copy's door

    /// `journal copy` inserts final rows inside a transaction that set `arrownet.copying`:
    /// that setting opens inserts only, never an update or a delete, and ends with the transaction.
    @Test("arrownet.copying lets final rows in, inside its transaction only, and never lets a row change")
    func copyingOpensInsertsOnly() async throws {
        try await StoreFixture.with(.postgres) { fixture in
            try await fixture.payment("D1", in: .paid)
            try await RawPostgres.with(try fixture.postgres.address) { raw in
                try await raw.must("BEGIN")
                try await raw.must("SET LOCAL arrownet.copying = 'on'")
                #expect(await raw.refusal(Self.insertPayment("D2", username: "copied", state: "paid", shift: "NULL")) == nil)
                let update = await raw.refusal("UPDATE payment SET transaction_id = 'other' WHERE reference = 'D1'")
                #expect(update?.sqlState == SQLState.checkViolation, "\(String(describing: update))")
                try await raw.must("ROLLBACK")
                try await raw.must("BEGIN")
                try await raw.must("SET LOCAL arrownet.copying = 'on'")
                let delete = await raw.refusal("DELETE FROM payment WHERE reference = 'D1'")
                #expect(delete?.sqlState == SQLState.checkViolation, "\(String(describing: delete))")
                try await raw.must("ROLLBACK")
                // After its transaction, the setting is gone from the session.
                try await raw.expectRefused(Self.insertPayment("D3", username: "copied", state: "paid", shift: "NULL"), SQLState.checkViolation)
            }
            #expect(try await fixture.store.payment(try PaymentReference("D2")) == nil)
        }
    }

    // MARK: Opening a database

    @Test("a journal of a newer schema is refused with newerSchema and left untouched")
    func newerSchema() async throws {
        try await Self.withDatabase { database in
            let journal = try await PostgresJournal.open(database.address)
            await journal.close()
            let before = try await RawPostgres.with(database.address) { raw in
                // What a newer arrownet would leave: its version, and a table this one does not know.
                try await raw.must("INSERT INTO journal_schema (version) VALUES (99)")
                try await raw.must("CREATE TABLE refund (id BIGSERIAL PRIMARY KEY, note TEXT)")
                try await raw.must("INSERT INTO refund (note) VALUES ('a newer journal''s row')")
                return try await raw.catalogue()
            }
            let error = await #expect(throws: JournalError.self) { try await PostgresJournal.open(database.address) }
            #expect(error == .newerSchema(path: database.address.description, found: "99", known: PostgresSchema.currentVersion))
            #expect(error?.description.contains("left untouched") == true)
            try await RawPostgres.with(database.address) { raw async throws in
                #expect(try await raw.catalogue() == before)
                #expect(try await Self.otherSessions(raw) == 0, "the refused open left no connection behind")
            }
        }
    }

    @Test("a database holding another program's payment or shift table, and no journal_schema, is refused and left untouched", arguments: ["payment", "shift"])
    func foreignTables(table: String) async throws {
        try await Self.withDatabase { database in
            let before = try await RawPostgres.with(database.address) { raw in
                try await raw.must("CREATE TABLE \(table) (id SERIAL PRIMARY KEY, amount NUMERIC, paid_on DATE)")
                try await raw.must("INSERT INTO \(table) (amount, paid_on) VALUES (1695.00, '2025-01-01')")
                return try await raw.catalogue()
            }
            await #expect(throws: JournalError.notAJournal(path: database.address.description)) {
                try await PostgresJournal.open(database.address)
            }
            try await RawPostgres.with(database.address) { raw async throws in
                #expect(try await raw.catalogue() == before, "not even journal_schema was left behind")
            }
        }
    }

    @Test("eight counters opening one empty database at once all open it, and the schema is made once")
    func setUpOnce() async throws {
        try await Self.withDatabase { database in
            let journals = try await withThrowingTaskGroup(of: PostgresJournal.self) { group in
                for _ in 0..<8 { group.addTask { try await PostgresJournal.open(database.address) } }
                return try await group.reduce(into: [PostgresJournal]()) { $0.append($1) }
            }
            #expect(journals.count == 8)
            #expect(Set(journals.map(\.owner)).count == 8, "each has an owner of its own")
            for journal in journals { await journal.close() }
            // Opened again, the journal is found as it is: no second migration.
            let again = try await PostgresJournal.open(database.address)
            await again.close()
            try await RawPostgres.with(database.address) { raw async throws in
                #expect(try await raw.value("SELECT count(*)::int FROM journal_schema", as: Int.self) == PostgresSchema.currentVersion, "one row per migration")
                #expect(try await raw.value("SELECT max(version) FROM journal_schema", as: Int.self) == PostgresSchema.currentVersion)
            }
        }
    }

    /// A fresh, empty database, dropped afterwards whatever happens.
    static func withDatabase(_ body: (PostgresTestDatabase) async throws -> Void) async throws {
        let database = try await PostgresTestDatabase.create()
        do {
            try await body(database)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// Connections to this database other than `raw`'s, waiting a little for closed ones
    /// to leave: the server notices a closed socket a moment after the client does.
    static func otherSessions(_ raw: RawPostgres) async throws -> Int {
        var count = 0
        for _ in 0..<50 {
            count = try await raw.value(
                "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", as: Int.self)
            if count == 0 { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return count
    }
}

/// The schema's SQL lists against the Swift rules they copy: no server needed.
@Suite("PostgreSQL journal schema: the SQL lists are PaymentState's")
struct PostgresSchemaListTests {
    @Test("the allowed moves in SQL are exactly PaymentState.canMove")
    func allowedMoves() {
        let quoted = PostgresSchema.allowedMovesSQL.split(separator: "'", omittingEmptySubsequences: false)
        let inSQL = Set(stride(from: 1, to: quoted.count, by: 2).map { String(quoted[$0]) })
        let inSwift = Set(PaymentState.allCases.flatMap { from in
            PaymentState.allCases.filter { from.canMove(to: $0) }.map { "\(from.rawValue)>\($0.rawValue)" }
        })
        #expect(inSQL == inSwift)
    }

    @Test("the open states in SQL are exactly PaymentState.isOpen")
    func openStates() {
        let open = PaymentState.allCases.filter(\.isOpen).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        #expect(PostgresSchema.openStatesSQL == "(\(open))")
    }

    @Test("every migration splits into whole statements, function bodies kept in one piece")
    func statements() {
        let statements = PostgresSetup.statements(PostgresSchema.version1)
        #expect(statements.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";") })
        #expect(!statements.contains { $0.hasPrefix("--") })
        let bodies = statements.filter { $0.contains("$$") }
        #expect(bodies.allSatisfy { $0.components(separatedBy: "$$").count == 3 }, "a body opens and closes in one statement")
        #expect(statements.filter { $0.hasPrefix("CREATE TABLE") }.count == 6)
    }
}
