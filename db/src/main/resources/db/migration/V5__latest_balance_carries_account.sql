-- The list of every latest balance (API list, overview, reports, alerts, analytics.latest_balances) read
-- latest_balance joined with account; on 10,000 accounts the join cost about as much as reading both tables.
-- latest_balance now carries the account columns that list shows, so it reads one table. account stays the one
-- place they are written: triggers fill the copies when a latest row is inserted and keep them in step when an
-- account is renamed, re-parented, marked gone or comes back.
ALTER TABLE latest_balance
    ADD COLUMN source             VARCHAR(80),
    ADD COLUMN provider           VARCHAR(32),
    ADD COLUMN kind               VARCHAR(32),
    ADD COLUMN external_id        VARCHAR(200),
    ADD COLUMN name               VARCHAR(500),
    ADD COLUMN parent_external_id VARCHAR(200),
    ADD COLUMN first_seen_at      TIMESTAMPTZ,
    ADD COLUMN gone_at            TIMESTAMPTZ;

/* [jooq ignore start] */
UPDATE latest_balance l
SET source = a.source, provider = a.provider, kind = a.kind, external_id = a.external_id, name = a.name,
    parent_external_id = a.parent_external_id, first_seen_at = a.first_seen_at, gone_at = a.gone_at
FROM account a
WHERE a.id = l.account_id;
/* [jooq ignore stop] */

ALTER TABLE latest_balance ALTER COLUMN source SET NOT NULL;
ALTER TABLE latest_balance ALTER COLUMN provider SET NOT NULL;
ALTER TABLE latest_balance ALTER COLUMN kind SET NOT NULL;
ALTER TABLE latest_balance ALTER COLUMN external_id SET NOT NULL;
ALTER TABLE latest_balance ALTER COLUMN name SET NOT NULL;
ALTER TABLE latest_balance ALTER COLUMN first_seen_at SET NOT NULL;

/* [jooq ignore start] */
COMMENT ON COLUMN latest_balance.source IS 'Copy of account.source, kept by triggers: the list of latest balances reads one table.';
COMMENT ON COLUMN latest_balance.provider IS 'Copy of account.provider, kept by triggers.';
COMMENT ON COLUMN latest_balance.kind IS 'Copy of account.kind, kept by triggers.';
COMMENT ON COLUMN latest_balance.external_id IS 'Copy of account.external_id, kept by triggers.';
COMMENT ON COLUMN latest_balance.name IS 'Copy of account.name (the current name), kept by triggers.';
COMMENT ON COLUMN latest_balance.parent_external_id IS 'Copy of account.parent_external_id, kept by triggers.';
COMMENT ON COLUMN latest_balance.first_seen_at IS 'Copy of account.first_seen_at, kept by triggers.';
COMMENT ON COLUMN latest_balance.gone_at IS 'Copy of account.gone_at, kept by triggers.';

CREATE FUNCTION latest_balance_copies_account() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    SELECT a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id, a.first_seen_at, a.gone_at
    INTO NEW.source, NEW.provider, NEW.kind, NEW.external_id, NEW.name, NEW.parent_external_id, NEW.first_seen_at,
         NEW.gone_at
    FROM account a
    WHERE a.id = NEW.account_id;
    RETURN NEW;
END
$$;

CREATE TRIGGER latest_balance_copies_account
    BEFORE INSERT ON latest_balance
    FOR EACH ROW EXECUTE FUNCTION latest_balance_copies_account();

CREATE FUNCTION account_changes_reach_latest_balance() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    UPDATE latest_balance l
    SET source = a.source, provider = a.provider, kind = a.kind, external_id = a.external_id, name = a.name,
        parent_external_id = a.parent_external_id, first_seen_at = a.first_seen_at, gone_at = a.gone_at
    FROM changed_accounts a
    WHERE l.account_id = a.id
      AND (l.source, l.provider, l.kind, l.external_id, l.name, l.parent_external_id, l.first_seen_at, l.gone_at)
          IS DISTINCT FROM (a.source, a.provider, a.kind, a.external_id, a.name, a.parent_external_id,
                            a.first_seen_at, a.gone_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER account_changes_reach_latest_balance
    AFTER UPDATE ON account
    REFERENCING NEW TABLE AS changed_accounts
    FOR EACH STATEMENT EXECUTE FUNCTION account_changes_reach_latest_balance();

-- the same columns as before (V4), now from the one table
CREATE OR REPLACE VIEW analytics.latest_balances AS
SELECT l.provider,
       l.source,
       l.account_id,
       l.external_id,
       l.name        AS account_name,
       l.kind,
       l.currency,
       l.available,
       l.ledger,
       l.pending,
       l.allocated,
       l.initial,
       CASE WHEN l.follows_source_poll THEN p.observed_at ELSE l.observed_at END AS observed_at,
       l.provider_as_of,
       l.first_seen_at,
       CASE WHEN l.follows_source_poll THEN p.observed_at ELSE l.observed_at END AS last_seen_at,
       l.gone_at
FROM latest_balance l
LEFT JOIN source_balance_poll p ON p.source = l.source;
/* [jooq ignore stop] */

-- a source's latest rows, read back by an instance that did not record the source's previous poll
CREATE INDEX latest_balance_by_source ON latest_balance (source);
