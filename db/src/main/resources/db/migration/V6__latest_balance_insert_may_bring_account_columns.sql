-- The first poll of a source inserts a latest row per account, and the V5 row trigger looked each one's account up
-- in PL/pgSQL: about 2 s of a 100,000-account first poll. The recording now joins account in its INSERT and so
-- brings the copies itself; the trigger still fills them for any insert that does not (source left NULL), and the
-- WHEN clause skips the function call entirely for those that do.

/* [jooq ignore start] */
DROP TRIGGER latest_balance_copies_account ON latest_balance;

CREATE TRIGGER latest_balance_copies_account
    BEFORE INSERT ON latest_balance
    FOR EACH ROW
    WHEN (NEW.source IS NULL)
    EXECUTE FUNCTION latest_balance_copies_account();
/* [jooq ignore stop] */
