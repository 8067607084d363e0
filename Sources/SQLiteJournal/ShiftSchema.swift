/// Version 3 of the journal: shifts, the cash put in and taken out, and the drawer's
/// openings; every payment from now on belongs to its counter's open shift.
///
/// The database guards the till as it guards payments: one open shift per counter
/// (partial unique index); numbers never reused (unique per counter); a shift changes
/// once, from open to closed, and never again; it cannot close while a payment of it is
/// on its way; cash moves only in an open shift; nothing here is ever deleted.
enum ShiftSchema {
    static let sqlite = """
        CREATE TABLE shift (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            counter TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number > 0),
            operator TEXT NOT NULL,
            opening_float_paisa INTEGER NOT NULL CHECK (opening_float_paisa >= 0),
            opening_balance_paisa INTEGER,
            opened_at DATETIME NOT NULL,
            closed_at DATETIME,
            counted_paisa INTEGER CHECK (counted_paisa >= 0),
            closing_balance_paisa INTEGER,
            note TEXT,
            closing_report TEXT,
            UNIQUE (counter, number)
        );
        CREATE UNIQUE INDEX shift_one_open_per_counter ON shift (counter) WHERE closed_at IS NULL;
        CREATE INDEX shift_by_time ON shift (opened_at);

        CREATE TRIGGER shift_starts_open BEFORE INSERT ON shift
        WHEN NEW.closed_at IS NOT NULL OR NEW.counted_paisa IS NOT NULL OR NEW.closing_report IS NOT NULL
            OR NEW.closing_balance_paisa IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a shift is opened before it is closed'); END;

        CREATE TRIGGER shift_closed_is_closed BEFORE UPDATE ON shift
        WHEN OLD.closed_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a closed shift never changes'); END;

        CREATE TRIGGER shift_changes_only_by_closing BEFORE UPDATE ON shift
        WHEN NEW.id IS NOT OLD.id OR NEW.counter IS NOT OLD.counter OR NEW.number IS NOT OLD.number
            OR NEW.operator IS NOT OLD.operator OR NEW.opening_float_paisa IS NOT OLD.opening_float_paisa
            OR NEW.opening_balance_paisa IS NOT OLD.opening_balance_paisa OR NEW.opened_at IS NOT OLD.opened_at
            OR NEW.closed_at IS NULL OR NEW.counted_paisa IS NULL OR NEW.closing_report IS NULL
        BEGIN SELECT RAISE(ABORT, 'a shift changes only by closing, with its count and its report'); END;

        CREATE TRIGGER shift_closes_with_no_payment_on_its_way BEFORE UPDATE OF closed_at ON shift
        WHEN EXISTS (SELECT 1 FROM payment WHERE shift_id = NEW.id AND state IN ('prepared', 'sending'))
        BEGIN SELECT RAISE(ABORT, 'a shift cannot close while a payment of it is on its way'); END;

        CREATE TRIGGER shift_never_deleted BEFORE DELETE ON shift
        BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;

        -- Payments written before shifts keep no shift; every new one has its counter's open shift.
        ALTER TABLE payment ADD COLUMN shift_id INTEGER REFERENCES shift (id);
        CREATE INDEX payment_by_shift ON payment (shift_id);
        CREATE INDEX payment_by_resolution ON payment (counter, resolved_at);

        CREATE TRIGGER payment_needs_open_shift BEFORE INSERT ON payment
        WHEN NEW.shift_id IS NULL
            OR NOT EXISTS (SELECT 1 FROM shift WHERE id = NEW.shift_id AND counter = NEW.counter AND closed_at IS NULL)
        BEGIN SELECT RAISE(ABORT, 'a payment is taken in its counter''s open shift'); END;

        DROP TRIGGER payment_promise_is_fixed;
        CREATE TRIGGER payment_promise_is_fixed BEFORE UPDATE ON payment
        WHEN NEW.reference IS NOT OLD.reference OR NEW.khalti_environment IS NOT OLD.khalti_environment
            OR NEW.username IS NOT OLD.username OR NEW.customer_name IS NOT OLD.customer_name
            OR NEW.months IS NOT OLD.months OR NEW.amount_paisa IS NOT OLD.amount_paisa
            OR NEW.counter IS NOT OLD.counter OR NEW.operator IS NOT OLD.operator
            OR NEW.created_at IS NOT OLD.created_at OR NEW.owner IS NOT OLD.owner OR NEW.shift_id IS NOT OLD.shift_id
        BEGIN SELECT RAISE(ABORT, 'what was promised to the customer never changes'); END;

        CREATE TABLE cash_movement (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            shift_id INTEGER NOT NULL REFERENCES shift (id),
            direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
            amount_paisa INTEGER NOT NULL CHECK (amount_paisa > 0),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            operator TEXT NOT NULL,
            at DATETIME NOT NULL
        );
        CREATE INDEX cash_movement_by_shift ON cash_movement (shift_id, id);

        CREATE TRIGGER cash_moves_in_an_open_shift BEFORE INSERT ON cash_movement
        WHEN NOT EXISTS (SELECT 1 FROM shift WHERE id = NEW.shift_id AND closed_at IS NULL)
        BEGIN SELECT RAISE(ABORT, 'cash moves only in an open shift'); END;
        CREATE TRIGGER cash_movement_never_updated BEFORE UPDATE ON cash_movement
        BEGIN SELECT RAISE(ABORT, 'cash movements are never changed'); END;
        CREATE TRIGGER cash_movement_never_deleted BEFORE DELETE ON cash_movement
        BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted'); END;

        CREATE TABLE drawer_opening (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            shift_id INTEGER REFERENCES shift (id),
            counter TEXT NOT NULL,
            at DATETIME NOT NULL,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            reference TEXT,
            operator TEXT NOT NULL
        );
        CREATE INDEX drawer_opening_by_shift ON drawer_opening (shift_id, id);
        CREATE TRIGGER drawer_opening_never_updated BEFORE UPDATE ON drawer_opening
        BEGIN SELECT RAISE(ABORT, 'drawer openings are never changed'); END;
        CREATE TRIGGER drawer_opening_never_deleted BEFORE DELETE ON drawer_opening
        BEGIN SELECT RAISE(ABORT, 'drawer openings are never deleted'); END;

        PRAGMA user_version = 3;
        """
}
