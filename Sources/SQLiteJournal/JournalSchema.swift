import ArrownetDomain
import GRDB
import PaymentJournal

/// The journal's tables, built by versioned migrations. Each migration sets
/// `PRAGMA user_version` to its number, so a newer file is recognised before it is
/// touched, even by tools that do not know GRDB.
///
/// The database guards the money rules itself, so that no code path (and no second
/// program on the same file) can break them:
/// - a payment is inserted only as `prepared`;
/// - its state moves only along `PaymentState.canMove` (trigger);
/// - what was promised to the customer (reference, username, amount, ...) never changes;
/// - a final payment never changes (but for its flag for a person and the answer it
///   stands against, and a person's decision on a flagged one); payments and events are
///   never deleted;
/// - one open payment per customer and Khalti (partial unique index).
enum JournalSchema {
    /// The highest schema version this program writes.
    static let currentVersion = 7
    /// Prefix of every migration identifier, which tells our migrations from another program's.
    static let identifierPrefix = "journal v"

    /// The states that count as unresolved; must equal `PaymentState.isOpen` (a test holds it to that).
    static let openStatesSQL = "('prepared', 'sending', 'held')"

    /// The allowed moves as `from>to` in version 1. Written out rather than generated, so
    /// that each migration stays what it was when a file was created, whatever the code
    /// says later.
    static let allowedMovesV1SQL = """
        ('prepared>sending', 'prepared>abandoned', 'sending>paid', 'sending>held', 'sending>not_paid', \
        'held>held', 'held>paid', 'held>not_paid', 'held>not_received')
        """

    /// Version 2 adds `paid>not_paid`, allowed only while the payment is flagged for a
    /// person (a trigger checks it): the person records that a payment Khalti refunded
    /// after it was paid went back to the customer. Must equal `PaymentState.canMove`
    /// (a test holds it to that).
    static let allowedMovesSQL = """
        ('prepared>sending', 'prepared>abandoned', 'sending>paid', 'sending>held', 'sending>not_paid', \
        'held>held', 'held>paid', 'held>not_paid', 'held>not_received', 'paid>not_paid')
        """

    /// Version 7 adds a person's decision on a flagged not paid or not received payment
    /// (a later answer from Khalti contradicted it): it becomes paid. Must equal
    /// `PaymentState.canMove` (a test holds it to that).
    static let allowedMovesV7SQL = """
        ('prepared>sending', 'prepared>abandoned', 'sending>paid', 'sending>held', 'sending>not_paid', \
        'held>held', 'held>paid', 'held>not_paid', 'held>not_received', 'paid>not_paid', 'not_paid>paid', 'not_received>paid')
        """

    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("\(identifierPrefix)1: payment intents and their event log") { db in
            try db.execute(sql: """
                CREATE TABLE payment (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    reference TEXT NOT NULL UNIQUE,
                    khalti_environment TEXT NOT NULL,
                    username TEXT NOT NULL,
                    customer_name TEXT NOT NULL,
                    months INTEGER NOT NULL CHECK (months IN (1, 3, 6, 12)),
                    amount_paisa INTEGER NOT NULL CHECK (amount_paisa > 0),
                    counter TEXT NOT NULL,
                    operator TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN
                        ('prepared', 'sending', 'paid', 'held', 'not_paid', 'not_received', 'abandoned')),
                    transaction_id TEXT,
                    created_at DATETIME NOT NULL,
                    sent_at DATETIME,
                    updated_at DATETIME NOT NULL,
                    resolved_at DATETIME,
                    lookup_count INTEGER NOT NULL DEFAULT 0 CHECK (lookup_count >= 0),
                    unknown_reference_lookups INTEGER NOT NULL DEFAULT 0 CHECK (unknown_reference_lookups >= 0),
                    next_lookup_at DATETIME,
                    attention TEXT
                );

                -- A second counter on this file, or a double confirm, cannot start another
                -- payment for a customer while one is unresolved.
                CREATE UNIQUE INDEX payment_one_open_per_customer
                    ON payment (khalti_environment, username COLLATE NOCASE)
                    WHERE state IN \(openStatesSQL);
                CREATE INDEX payment_by_state ON payment (state, next_lookup_at);
                CREATE INDEX payment_by_customer ON payment (username COLLATE NOCASE, created_at);
                CREATE INDEX payment_by_time ON payment (created_at);

                CREATE TABLE payment_event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    payment_id INTEGER NOT NULL REFERENCES payment (id),
                    at DATETIME NOT NULL,
                    from_state TEXT,
                    to_state TEXT NOT NULL,
                    note TEXT NOT NULL,
                    http_status INTEGER,
                    error_code TEXT,
                    khalti_text TEXT
                );
                CREATE INDEX payment_event_by_payment ON payment_event (payment_id, id);

                CREATE TRIGGER payment_starts_prepared BEFORE INSERT ON payment
                WHEN NEW.state <> 'prepared'
                BEGIN SELECT RAISE(ABORT, 'a payment is written as prepared before it is sent'); END;

                CREATE TRIGGER payment_moves_only_as_allowed BEFORE UPDATE OF state ON payment
                WHEN (OLD.state || '>' || NEW.state) NOT IN \(allowedMovesV1SQL)
                BEGIN SELECT RAISE(ABORT, 'this payment state change is not allowed'); END;

                CREATE TRIGGER payment_final_is_final BEFORE UPDATE ON payment
                WHEN OLD.state NOT IN \(openStatesSQL)
                BEGIN SELECT RAISE(ABORT, 'a resolved payment never changes'); END;

                CREATE TRIGGER payment_promise_is_fixed BEFORE UPDATE ON payment
                WHEN NEW.reference IS NOT OLD.reference OR NEW.khalti_environment IS NOT OLD.khalti_environment
                    OR NEW.username IS NOT OLD.username OR NEW.customer_name IS NOT OLD.customer_name
                    OR NEW.months IS NOT OLD.months OR NEW.amount_paisa IS NOT OLD.amount_paisa
                    OR NEW.counter IS NOT OLD.counter OR NEW.operator IS NOT OLD.operator
                    OR NEW.created_at IS NOT OLD.created_at
                BEGIN SELECT RAISE(ABORT, 'what was promised to the customer never changes'); END;

                CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
                BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;

                CREATE TRIGGER payment_event_never_updated BEFORE UPDATE ON payment_event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

                CREATE TRIGGER payment_event_never_deleted BEFORE DELETE ON payment_event
                BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

                PRAGMA user_version = 1;
                """)
        }
        migrator.registerMigration("\(identifierPrefix)2: owners, first lookups, refusals, flags on paid payments, who decided") { db in
            try db.execute(sql: """
                -- The process that wrote the intent: recovery moves a payment only once its
                -- owner is provably gone.
                ALTER TABLE payment ADD COLUMN owner TEXT;
                -- No lookup before this: Khalti's five minutes after silence, at once after a refusal.
                ALTER TABLE payment ADD COLUMN first_lookup_at DATETIME;
                -- Khalti answered with an error code that proves the payment was refused.
                ALTER TABLE payment ADD COLUMN refused_by_khalti INTEGER NOT NULL DEFAULT 0
                    CHECK (refused_by_khalti IN (0, 1));
                -- The person who decided a payment; NULL for the program's own moves.
                ALTER TABLE payment_event ADD COLUMN actor TEXT;
                -- Which process is looking the payment up, and until when: one lookup of a
                -- payment at a time, however many consoles reconcile.
                ALTER TABLE payment ADD COLUMN lookup_claimed_by TEXT;
                ALTER TABLE payment ADD COLUMN lookup_claimed_until DATETIME;

                -- Held payments of version 1 were first looked up at their next lookup.
                UPDATE payment SET first_lookup_at = next_lookup_at WHERE state = 'held';

                DROP TRIGGER payment_moves_only_as_allowed;
                CREATE TRIGGER payment_moves_only_as_allowed BEFORE UPDATE OF state ON payment
                WHEN (OLD.state || '>' || NEW.state) NOT IN \(allowedMovesSQL)
                    OR (OLD.state = 'paid' AND OLD.attention IS NULL)
                BEGIN SELECT RAISE(ABORT, 'this payment state change is not allowed'); END;

                DROP TRIGGER payment_final_is_final;
                CREATE TRIGGER payment_final_is_final BEFORE UPDATE ON payment
                WHEN OLD.state NOT IN \(openStatesSQL) AND NOT (
                    OLD.state = 'paid' AND NEW.state IN ('paid', 'not_paid')
                    AND NEW.transaction_id IS OLD.transaction_id AND NEW.sent_at IS OLD.sent_at
                    AND NEW.lookup_count IS OLD.lookup_count
                    AND NEW.unknown_reference_lookups IS OLD.unknown_reference_lookups
                    AND NEW.next_lookup_at IS NULL AND NEW.first_lookup_at IS OLD.first_lookup_at
                    AND NEW.refused_by_khalti IS OLD.refused_by_khalti
                    AND (NEW.state = 'paid' OR NEW.resolved_at IS NOT NULL))
                BEGIN SELECT RAISE(ABORT, 'a resolved payment never changes'); END;

                DROP TRIGGER payment_promise_is_fixed;
                CREATE TRIGGER payment_promise_is_fixed BEFORE UPDATE ON payment
                WHEN NEW.reference IS NOT OLD.reference OR NEW.khalti_environment IS NOT OLD.khalti_environment
                    OR NEW.username IS NOT OLD.username OR NEW.customer_name IS NOT OLD.customer_name
                    OR NEW.months IS NOT OLD.months OR NEW.amount_paisa IS NOT OLD.amount_paisa
                    OR NEW.counter IS NOT OLD.counter OR NEW.operator IS NOT OLD.operator
                    OR NEW.created_at IS NOT OLD.created_at OR NEW.owner IS NOT OLD.owner
                BEGIN SELECT RAISE(ABORT, 'what was promised to the customer never changes'); END;

                CREATE INDEX payment_waiting_for_person ON payment (attention) WHERE attention IS NOT NULL;

                PRAGMA user_version = 2;
                """)
        }
        migrator.registerMigration("\(identifierPrefix)3: shifts, cash movements, drawer openings") { db in
            try db.execute(sql: ShiftSchema.sqlite)
        }
        migrator.registerMigration("\(identifierPrefix)4: receipt printings") { db in
            try db.execute(sql: """
                -- Each printing of a paid payment's receipt, so that the next is marked REPRINT.
                CREATE TABLE receipt_printing (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    payment_id INTEGER NOT NULL REFERENCES payment (id),
                    at DATETIME NOT NULL,
                    reprint INTEGER NOT NULL CHECK (reprint IN (0, 1)),
                    new_expiry DATETIME,
                    destination TEXT NOT NULL
                );
                CREATE INDEX receipt_printing_by_payment ON receipt_printing (payment_id, id);

                CREATE TRIGGER receipt_printing_never_updated BEFORE UPDATE ON receipt_printing
                BEGIN SELECT RAISE(ABORT, 'receipt printings are append-only'); END;

                CREATE TRIGGER receipt_printing_never_deleted BEFORE DELETE ON receipt_printing
                BEGIN SELECT RAISE(ABORT, 'receipt printings are append-only'); END;

                PRAGMA user_version = 4;
                """)
        }
        migrator.registerMigration("\(identifierPrefix)5: a paid payment's resolution time is fixed") { db in
            try db.execute(sql: """
                -- When a payment settled decides which shift counts it ("settled from earlier
                -- shifts"): a paid one keeps its time; a person's not-paid sets a new one.
                DROP TRIGGER payment_final_is_final;
                CREATE TRIGGER payment_final_is_final BEFORE UPDATE ON payment
                WHEN OLD.state NOT IN \(openStatesSQL) AND NOT (
                    OLD.state = 'paid' AND NEW.state IN ('paid', 'not_paid')
                    AND NEW.transaction_id IS OLD.transaction_id AND NEW.sent_at IS OLD.sent_at
                    AND NEW.lookup_count IS OLD.lookup_count
                    AND NEW.unknown_reference_lookups IS OLD.unknown_reference_lookups
                    AND NEW.next_lookup_at IS NULL AND NEW.first_lookup_at IS OLD.first_lookup_at
                    AND NEW.refused_by_khalti IS OLD.refused_by_khalti
                    AND ((NEW.state = 'paid' AND NEW.resolved_at IS OLD.resolved_at)
                        OR (NEW.state = 'not_paid' AND NEW.resolved_at IS NOT NULL)))
                BEGIN SELECT RAISE(ABORT, 'a resolved payment never changes'); END;

                PRAGMA user_version = 5;
                """)
        }
        migrator.registerMigration("\(identifierPrefix)6: the Khalti account of each payment") { db in
            try db.execute(sql: """
                -- A fingerprint (keyed hash) of the token the payment went through: it is
                -- looked up only with that token. NULL for earlier payments, until a counter
                -- claims the lookup and the claim writes its own account.
                ALTER TABLE payment ADD COLUMN khalti_account TEXT;

                CREATE TRIGGER payment_account_is_fixed BEFORE UPDATE OF khalti_account ON payment
                WHEN OLD.khalti_account IS NOT NULL AND NEW.khalti_account IS NOT OLD.khalti_account
                BEGIN SELECT RAISE(ABORT, 'the Khalti account of a payment never changes'); END;

                PRAGMA user_version = 6;
                """)
        }
        migrator.registerMigration("\(identifierPrefix)7: late answers flag final payments; a person re-decides them") { db in
            try db.execute(sql: LateAnswerSchema.sqliteVersion7)
        }
        return migrator
    }
}
