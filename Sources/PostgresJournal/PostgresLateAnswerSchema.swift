/// Journal version 3: nothing Khalti says about a final payment is dropped (SQLite's
/// version 7 does the same).
///
/// A lookup that contradicts a final payment (a person decided NOT PAID, then Khalti
/// says Success) flags it for a person and records the answer; the state stays final
/// until the person decides again. A final row may change in exactly these ways: a paid
/// one's flag (as before); a not paid or not received one's flag set or its answer
/// noted, only with an answer other than the one it stands against (`decided_against`);
/// a flag cleared by a person; or, while flagged, a person's new decision (a new state,
/// a new resolution time). The rest of `payment_update_check` is
/// version 1's, unchanged.
enum PostgresLateAnswerSchema {
    static let version3 = """
        ALTER TABLE payment ADD COLUMN decided_against TEXT;

        CREATE OR REPLACE FUNCTION payment_update_check() RETURNS trigger LANGUAGE plpgsql AS $$
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
                (OLD.state || '>' || NEW.state) NOT IN \(PostgresSchema.allowedMovesSQL)
                OR (OLD.state IN ('paid', 'not_paid', 'not_received') AND OLD.attention IS NULL)) THEN
                RAISE EXCEPTION 'this payment state change is not allowed' USING ERRCODE = 'check_violation';
            END IF;
            IF OLD.state NOT IN \(PostgresSchema.openStatesSQL) AND NOT (
                OLD.state IN ('paid', 'not_paid', 'not_received')
                AND NEW.transaction_id IS NOT DISTINCT FROM OLD.transaction_id
                AND NEW.sent_at IS NOT DISTINCT FROM OLD.sent_at
                AND NEW.lookup_count = OLD.lookup_count
                AND NEW.unknown_reference_lookups = OLD.unknown_reference_lookups
                AND NEW.next_lookup_at IS NULL
                AND NEW.first_lookup_at IS NOT DISTINCT FROM OLD.first_lookup_at
                AND NEW.refused_by_khalti = OLD.refused_by_khalti
                AND ((NEW.state = OLD.state AND NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at AND (
                        OLD.state = 'paid'
                        OR (NEW.decided_against IS NOT NULL AND NEW.decided_against IS DISTINCT FROM OLD.decided_against)
                        OR (OLD.attention IS NOT NULL AND NEW.attention IS NULL)))
                    OR (OLD.attention IS NOT NULL AND NEW.state <> OLD.state AND NEW.resolved_at IS NOT NULL))) THEN
                RAISE EXCEPTION 'a resolved payment never changes' USING ERRCODE = 'check_violation';
            END IF;
            RETURN NEW;
        END $$;
        """
}
