/// Journal version 7: nothing Khalti says about a final payment is dropped.
///
/// A lookup that contradicts a final payment (a person decided NOT PAID, then Khalti
/// says Success) flags it for a person and records the answer; the state stays final
/// until the person decides again. So a final row may change in exactly these ways: a
/// paid one's flag (as since version 2); a not paid or not received one's flag set or
/// its answer noted, only with an answer other than the one it stands against
/// (`decided_against`); a flag cleared by a person; or, while flagged, a person's new
/// decision (a new state, a new resolution time).
enum LateAnswerSchema {
    static let sqliteVersion7 = """
        -- Khalti's answer (canonical text) that the flag, then the person's decision,
        -- stand against: the same answer again reopens nothing.
        ALTER TABLE payment ADD COLUMN decided_against TEXT;

        DROP TRIGGER payment_moves_only_as_allowed;
        CREATE TRIGGER payment_moves_only_as_allowed BEFORE UPDATE OF state ON payment
        WHEN (OLD.state || '>' || NEW.state) NOT IN \(JournalSchema.allowedMovesV7SQL)
            OR (OLD.state IN ('paid', 'not_paid', 'not_received') AND OLD.attention IS NULL)
        BEGIN SELECT RAISE(ABORT, 'this payment state change is not allowed'); END;

        DROP TRIGGER payment_final_is_final;
        CREATE TRIGGER payment_final_is_final BEFORE UPDATE ON payment
        WHEN OLD.state NOT IN \(JournalSchema.openStatesSQL) AND NOT (
            OLD.state IN ('paid', 'not_paid', 'not_received')
            AND NEW.transaction_id IS OLD.transaction_id AND NEW.sent_at IS OLD.sent_at
            AND NEW.lookup_count IS OLD.lookup_count
            AND NEW.unknown_reference_lookups IS OLD.unknown_reference_lookups
            AND NEW.next_lookup_at IS NULL AND NEW.first_lookup_at IS OLD.first_lookup_at
            AND NEW.refused_by_khalti IS OLD.refused_by_khalti
            AND ((NEW.state = OLD.state AND NEW.resolved_at IS OLD.resolved_at AND (
                    OLD.state = 'paid'
                    -- a late answer: flagged (or noted) only with an answer other than the one it stands against
                    OR (NEW.decided_against IS NOT NULL AND NEW.decided_against IS NOT OLD.decided_against)
                    -- a person's decision that it stays as it is
                    OR (OLD.attention IS NOT NULL AND NEW.attention IS NULL)))
                OR (OLD.attention IS NOT NULL AND NEW.state <> OLD.state AND NEW.resolved_at IS NOT NULL)))
        BEGIN SELECT RAISE(ABORT, 'a resolved payment never changes'); END;

        PRAGMA user_version = 7;
        """
}
