/// The journal's tables in PostgreSQL, built by versioned migrations recorded in
/// `journal_schema`. A database whose version is newer than this program knows is
/// refused before anything in it changes, as a newer SQLite file is.
///
/// The database guards the money rules itself, as the SQLite journal's triggers do, so
/// that no counter (and no program written later) can break them:
/// - a payment is inserted only as `prepared`, in its counter's open shift;
/// - its state moves only along `PaymentState.canMove`; a paid one moves (to not paid)
///   only while flagged for a person;
/// - what was promised to the customer never changes; a final payment never changes
///   (but for its flag and the answer it stands against, and a person's decision on a
///   flagged one; see `PostgresLateAnswerSchema`);
/// - one unresolved payment per customer and Khalti across every counter (partial
///   unique index on the lower-cased username);
/// - one open shift per counter; a closed shift never changes; a shift cannot close
///   while a payment of it is on its way; cash moves only in an open shift;
/// - nothing is ever deleted; events, receipt printings, cash movements and drawer
///   openings are append-only.
///
/// `journal copy` brings a counter's history from SQLite: rows already resolved, shifts
/// already closed. Only inside a transaction that set `arrownet.copying` to `on` may a
/// row be inserted in its final form; updates and deletes stay guarded as ever.
enum PostgresSchema {
    /// The highest schema version this program writes.
    static let currentVersion = 3

    /// Serialises set-up: several counters starting at once on an empty database wait
    /// for one to create the tables, then find them ready.
    static let setupLockKey: Int64 = 0x4152_524F_574E_4554  // "ARROWNET"

    /// The states that count as unresolved; must equal `PaymentState.isOpen`.
    static let openStatesSQL = "('prepared', 'sending', 'held')"

    /// The allowed moves as `from>to` in versions 1 and 2. Kept as they were, so that each
    /// migration stays what it was when a database was set up.
    static let allowedMovesV1SQL = """
        ('prepared>sending', 'prepared>abandoned', 'sending>paid', 'sending>held', 'sending>not_paid', \
        'held>held', 'held>paid', 'held>not_paid', 'held>not_received', 'paid>not_paid')
        """

    /// The allowed moves as `from>to` since version 3 (a person's decision that a flagged
    /// not paid or not received payment was paid); must equal `PaymentState.canMove` (a
    /// test holds it to that).
    static let allowedMovesSQL = """
        ('prepared>sending', 'prepared>abandoned', 'sending>paid', 'sending>held', 'sending>not_paid', \
        'held>held', 'held>paid', 'held>not_paid', 'held>not_received', 'paid>not_paid', 'not_paid>paid', 'not_received>paid')
        """

    /// Migration `n` is `migrations[n - 1]`; each runs in the set-up transaction.
    static let migrations: [String] = [version1, version2, PostgresLateAnswerSchema.version3]

    static let version1 = """
        CREATE FUNCTION arrownet_copying() RETURNS boolean LANGUAGE sql STABLE AS
            $$ SELECT coalesce(current_setting('arrownet.copying', true), '') = 'on' $$;

        CREATE FUNCTION arrownet_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'check_violation'; END $$;

        CREATE TABLE shift (
            id BIGSERIAL PRIMARY KEY,
            counter TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number > 0),
            operator TEXT NOT NULL,
            opening_float_paisa BIGINT NOT NULL CHECK (opening_float_paisa >= 0),
            opening_balance_paisa BIGINT,
            opened_at TIMESTAMPTZ NOT NULL,
            closed_at TIMESTAMPTZ,
            counted_paisa BIGINT CHECK (counted_paisa >= 0),
            closing_balance_paisa BIGINT,
            note TEXT,
            closing_report TEXT,
            UNIQUE (counter, number)
        );
        CREATE UNIQUE INDEX shift_one_open_per_counter ON shift (counter) WHERE closed_at IS NULL;
        CREATE INDEX shift_by_time ON shift (opened_at);

        CREATE TABLE payment (
            id BIGSERIAL PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            khalti_environment TEXT NOT NULL,
            username TEXT NOT NULL,
            customer_name TEXT NOT NULL,
            months INTEGER NOT NULL CHECK (months IN (1, 3, 6, 12)),
            amount_paisa BIGINT NOT NULL CHECK (amount_paisa > 0),
            counter TEXT NOT NULL,
            operator TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN
                ('prepared', 'sending', 'paid', 'held', 'not_paid', 'not_received', 'abandoned')),
            transaction_id TEXT,
            created_at TIMESTAMPTZ NOT NULL,
            sent_at TIMESTAMPTZ,
            updated_at TIMESTAMPTZ NOT NULL,
            resolved_at TIMESTAMPTZ,
            lookup_count INTEGER NOT NULL DEFAULT 0 CHECK (lookup_count >= 0),
            unknown_reference_lookups INTEGER NOT NULL DEFAULT 0 CHECK (unknown_reference_lookups >= 0),
            next_lookup_at TIMESTAMPTZ,
            first_lookup_at TIMESTAMPTZ,
            refused_by_khalti BOOLEAN NOT NULL DEFAULT false,
            attention TEXT,
            owner TEXT,
            lookup_claimed_by TEXT,
            lookup_claimed_until TIMESTAMPTZ,
            shift_id BIGINT REFERENCES shift (id)
        );
        -- Two counters cannot start a second payment for a customer while one is unresolved.
        CREATE UNIQUE INDEX payment_one_open_per_customer
            ON payment (khalti_environment, lower(username)) WHERE state IN \(openStatesSQL);
        CREATE INDEX payment_by_state ON payment (state, next_lookup_at);
        CREATE INDEX payment_by_customer ON payment (lower(username), created_at);
        CREATE INDEX payment_by_time ON payment (created_at);
        CREATE INDEX payment_by_shift ON payment (shift_id);
        CREATE INDEX payment_by_resolution ON payment (counter, resolved_at);
        CREATE INDEX payment_waiting_for_person ON payment (attention) WHERE attention IS NOT NULL;

        CREATE TABLE payment_event (
            id BIGSERIAL PRIMARY KEY,
            payment_id BIGINT NOT NULL REFERENCES payment (id),
            at TIMESTAMPTZ NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            note TEXT NOT NULL,
            http_status INTEGER,
            error_code TEXT,
            khalti_text TEXT,
            actor TEXT
        );
        CREATE INDEX payment_event_by_payment ON payment_event (payment_id, id);

        CREATE TABLE receipt_printing (
            id BIGSERIAL PRIMARY KEY,
            payment_id BIGINT NOT NULL REFERENCES payment (id),
            at TIMESTAMPTZ NOT NULL,
            reprint BOOLEAN NOT NULL,
            new_expiry TIMESTAMPTZ,
            destination TEXT NOT NULL
        );
        CREATE INDEX receipt_printing_by_payment ON receipt_printing (payment_id, id);

        CREATE TABLE cash_movement (
            id BIGSERIAL PRIMARY KEY,
            shift_id BIGINT NOT NULL REFERENCES shift (id),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            amount_paisa BIGINT NOT NULL CHECK (amount_paisa > 0),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            operator TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL
        );
        CREATE INDEX cash_movement_by_shift ON cash_movement (shift_id, id);

        CREATE TABLE drawer_opening (
            id BIGSERIAL PRIMARY KEY,
            shift_id BIGINT REFERENCES shift (id),
            counter TEXT NOT NULL,
            at TIMESTAMPTZ NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            reference TEXT,
            operator TEXT NOT NULL
        );
        CREATE INDEX drawer_opening_by_shift ON drawer_opening (shift_id, id);

        -- Payments ---------------------------------------------------------------

        CREATE FUNCTION payment_insert_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF arrownet_copying() THEN RETURN NEW; END IF;
            IF NEW.state <> 'prepared' THEN
                RAISE EXCEPTION 'a payment is written as prepared before it is sent' USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.shift_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM shift WHERE id = NEW.shift_id AND counter = NEW.counter AND closed_at IS NULL) THEN
                RAISE EXCEPTION 'a payment is taken in its counter''s open shift' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER payment_starts_prepared BEFORE INSERT ON payment
            FOR EACH ROW EXECUTE FUNCTION payment_insert_check();

        CREATE FUNCTION payment_update_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.reference IS DISTINCT FROM OLD.reference OR NEW.khalti_environment IS DISTINCT FROM OLD.khalti_environment
                OR NEW.username IS DISTINCT FROM OLD.username OR NEW.customer_name IS DISTINCT FROM OLD.customer_name
                OR NEW.months IS DISTINCT FROM OLD.months OR NEW.amount_paisa IS DISTINCT FROM OLD.amount_paisa
                OR NEW.counter IS DISTINCT FROM OLD.counter OR NEW.operator IS DISTINCT FROM OLD.operator
                OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.owner IS DISTINCT FROM OLD.owner
                OR NEW.shift_id IS DISTINCT FROM OLD.shift_id OR NEW.id IS DISTINCT FROM OLD.id THEN
                RAISE EXCEPTION 'what was promised to the customer never changes' USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.state IS DISTINCT FROM OLD.state AND (
                (OLD.state || '>' || NEW.state) NOT IN \(allowedMovesV1SQL)
                OR (OLD.state = 'paid' AND OLD.attention IS NULL)) THEN
                RAISE EXCEPTION 'this payment state change is not allowed' USING ERRCODE = 'check_violation';
            END IF;
            IF OLD.state NOT IN \(openStatesSQL) AND NOT (
                OLD.state = 'paid' AND NEW.state IN ('paid', 'not_paid')
                AND NEW.transaction_id IS NOT DISTINCT FROM OLD.transaction_id
                AND NEW.sent_at IS NOT DISTINCT FROM OLD.sent_at
                AND NEW.lookup_count = OLD.lookup_count
                AND NEW.unknown_reference_lookups = OLD.unknown_reference_lookups
                AND NEW.next_lookup_at IS NULL
                AND NEW.first_lookup_at IS NOT DISTINCT FROM OLD.first_lookup_at
                AND NEW.refused_by_khalti = OLD.refused_by_khalti
                AND (NEW.state = 'paid' AND NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at
                    OR NEW.state = 'not_paid' AND NEW.resolved_at IS NOT NULL)) THEN
                RAISE EXCEPTION 'a resolved payment never changes' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER payment_moves_only_as_allowed BEFORE UPDATE ON payment
            FOR EACH ROW EXECUTE FUNCTION payment_update_check();

        CREATE TRIGGER payment_never_deleted BEFORE DELETE ON payment
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('payments are never deleted');
        CREATE TRIGGER payment_event_never_updated BEFORE UPDATE OR DELETE ON payment_event
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('the event log is append-only');
        CREATE TRIGGER receipt_printing_never_updated BEFORE UPDATE OR DELETE ON receipt_printing
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('receipt printings are append-only');
        CREATE TRIGGER payment_tables_never_truncated BEFORE TRUNCATE ON payment
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('payments are never deleted');
        CREATE TRIGGER payment_event_never_truncated BEFORE TRUNCATE ON payment_event
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('the event log is append-only');
        CREATE TRIGGER receipt_printing_never_truncated BEFORE TRUNCATE ON receipt_printing
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('receipt printings are append-only');

        -- Shifts and cash --------------------------------------------------------

        CREATE FUNCTION shift_insert_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF arrownet_copying() THEN RETURN NEW; END IF;
            IF NEW.closed_at IS NOT NULL OR NEW.counted_paisa IS NOT NULL OR NEW.closing_report IS NOT NULL
                OR NEW.closing_balance_paisa IS NOT NULL THEN
                RAISE EXCEPTION 'a shift is opened before it is closed' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER shift_starts_open BEFORE INSERT ON shift
            FOR EACH ROW EXECUTE FUNCTION shift_insert_check();

        CREATE FUNCTION shift_update_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.closed_at IS NOT NULL THEN
                RAISE EXCEPTION 'a closed shift never changes' USING ERRCODE = 'check_violation';
            END IF;
            IF NEW.id IS DISTINCT FROM OLD.id OR NEW.counter IS DISTINCT FROM OLD.counter
                OR NEW.number IS DISTINCT FROM OLD.number OR NEW.operator IS DISTINCT FROM OLD.operator
                OR NEW.opening_float_paisa IS DISTINCT FROM OLD.opening_float_paisa
                OR NEW.opening_balance_paisa IS DISTINCT FROM OLD.opening_balance_paisa
                OR NEW.opened_at IS DISTINCT FROM OLD.opened_at
                OR NEW.closed_at IS NULL OR NEW.counted_paisa IS NULL OR NEW.closing_report IS NULL THEN
                RAISE EXCEPTION 'a shift changes only by closing, with its count and its report' USING ERRCODE = 'check_violation';
            END IF;
            IF EXISTS (SELECT 1 FROM payment WHERE shift_id = NEW.id AND state IN ('prepared', 'sending')) THEN
                RAISE EXCEPTION 'a shift cannot close while a payment of it is on its way' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER shift_changes_only_by_closing BEFORE UPDATE ON shift
            FOR EACH ROW EXECUTE FUNCTION shift_update_check();
        CREATE TRIGGER shift_never_deleted BEFORE DELETE ON shift
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('shifts are never deleted');

        CREATE FUNCTION cash_movement_insert_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF arrownet_copying() THEN RETURN NEW; END IF;
            IF NOT EXISTS (SELECT 1 FROM shift WHERE id = NEW.shift_id AND closed_at IS NULL) THEN
                RAISE EXCEPTION 'cash moves only in an open shift' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER cash_moves_in_an_open_shift BEFORE INSERT ON cash_movement
            FOR EACH ROW EXECUTE FUNCTION cash_movement_insert_check();
        CREATE TRIGGER cash_movement_never_changed BEFORE UPDATE OR DELETE ON cash_movement
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('cash movements are never changed or deleted');
        CREATE TRIGGER drawer_opening_never_changed BEFORE UPDATE OR DELETE ON drawer_opening
            FOR EACH ROW EXECUTE FUNCTION arrownet_refuse('drawer openings are never changed or deleted');
        CREATE TRIGGER shift_never_truncated BEFORE TRUNCATE ON shift
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('shifts are never deleted');
        CREATE TRIGGER cash_movement_never_truncated BEFORE TRUNCATE ON cash_movement
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('cash movements are never changed or deleted');
        CREATE TRIGGER drawer_opening_never_truncated BEFORE TRUNCATE ON drawer_opening
            FOR EACH STATEMENT EXECUTE FUNCTION arrownet_refuse('drawer openings are never changed or deleted');
        """

    /// Version 2: the Khalti account of each payment, a fingerprint (keyed hash) of the
    /// token it went through; it is looked up only with that token. NULL for earlier
    /// payments, until a counter claims the lookup and the claim writes its own account.
    static let version2 = """
        ALTER TABLE payment ADD COLUMN khalti_account TEXT;

        CREATE FUNCTION payment_account_check() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.khalti_account IS NOT NULL AND NEW.khalti_account IS DISTINCT FROM OLD.khalti_account THEN
                RAISE EXCEPTION 'the Khalti account of a payment never changes' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER payment_account_is_fixed BEFORE UPDATE OF khalti_account ON payment
            FOR EACH ROW EXECUTE FUNCTION payment_account_check();
        """
}
