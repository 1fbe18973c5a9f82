-- The account's integer key beside its latest row, so that a recording takes the key of the runs it closes from the
-- rows it updates instead of joining account again (a hash join over every account of a poll in which all changed).
-- The key of an account never changes.
ALTER TABLE latest_balance ADD COLUMN account_key INTEGER;

/* [jooq ignore start] */
UPDATE latest_balance l SET account_key = a.account_key FROM account a WHERE a.id = l.account_id;
/* [jooq ignore stop] */

ALTER TABLE latest_balance ALTER COLUMN account_key SET NOT NULL;

/* [jooq ignore start] */
COMMENT ON COLUMN latest_balance.account_key IS 'Copy of account.account_key, filled on insert (it never changes).';

-- an insert that brings neither the account's columns nor its key gets them here; the recording brings both
CREATE OR REPLACE FUNCTION latest_balance_copies_account() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.source IS NULL THEN
        SELECT a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id, a.first_seen_at, a.gone_at
        INTO NEW.source, NEW.provider, NEW.kind, NEW.external_id, NEW.name, NEW.parent_external_id, NEW.first_seen_at,
             NEW.gone_at
        FROM account a
        WHERE a.id = NEW.account_id;
    END IF;
    IF NEW.account_key IS NULL THEN
        SELECT a.account_key INTO NEW.account_key FROM account a WHERE a.id = NEW.account_id;
    END IF;
    RETURN NEW;
END
$$;

DROP TRIGGER latest_balance_copies_account ON latest_balance;

CREATE TRIGGER latest_balance_copies_account
    BEFORE INSERT ON latest_balance
    FOR EACH ROW
    WHEN (NEW.source IS NULL OR NEW.account_key IS NULL)
    EXECUTE FUNCTION latest_balance_copies_account();
/* [jooq ignore stop] */
