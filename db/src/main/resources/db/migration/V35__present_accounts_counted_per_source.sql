-- How many accounts of each source and kind are present (not gone), kept by triggers on account, so that a poll
-- that lists a kind completely can tell that none of its accounts went missing from one row instead of counting
-- every present account of the source. Recordings of a source write its accounts only while they hold the source's
-- source_balance_poll row, so the counter rows of a source are changed one recording at a time. The service never
-- deletes accounts (their history refers to them); one deleted by hand leaves its count too high, which is safe:
-- a poll sees only present accounts, so a count above what it saw only sends the check to compare the ids.
CREATE TABLE source_present_accounts (
    source  VARCHAR(80) NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    present BIGINT      NOT NULL,
    PRIMARY KEY (source, kind)
);

COMMENT ON TABLE source_present_accounts IS
    'Accounts per source and kind whose gone_at is NULL, kept by triggers on account; a missing row means none.';

/* [jooq ignore start] */
-- adds each statement's change to the counts, per source and kind (in key order, so concurrent statements
-- lock the counter rows in one order)
CREATE FUNCTION add_present_accounts(sources TEXT[], kinds TEXT[], changes BIGINT[]) RETURNS VOID
LANGUAGE sql AS $$
    INSERT INTO source_present_accounts AS c (source, kind, present)
    SELECT d.source, d.kind, d.change
    FROM unnest(sources, kinds, changes) AS d(source, kind, change)
    WHERE d.change <> 0
    ORDER BY d.source, d.kind
    ON CONFLICT (source, kind) DO UPDATE SET present = c.present + EXCLUDED.present
$$;

CREATE FUNCTION present_accounts_after_insert() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_present_accounts(array_agg(d.source), array_agg(d.kind), array_agg(d.n))
    FROM (SELECT source, kind, count(*) AS n FROM accounts_after WHERE gone_at IS NULL GROUP BY source, kind) d;
    RETURN NULL;
END
$$;

-- present rows after the statement minus present rows before it
CREATE FUNCTION present_accounts_after_update() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_present_accounts(array_agg(d.source), array_agg(d.kind), array_agg(d.n))
    FROM (SELECT source, kind, sum(present) AS n
          FROM (SELECT source, kind, 1 AS present FROM accounts_after WHERE gone_at IS NULL
                UNION ALL
                SELECT source, kind, -1 FROM accounts_before WHERE gone_at IS NULL) counted
          GROUP BY source, kind) d;
    RETURN NULL;
END
$$;

CREATE FUNCTION present_accounts_after_truncate() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM source_present_accounts;
    RETURN NULL;
END
$$;

CREATE TRIGGER present_accounts_after_insert
    AFTER INSERT ON account
    REFERENCING NEW TABLE AS accounts_after
    FOR EACH STATEMENT EXECUTE FUNCTION present_accounts_after_insert();

CREATE TRIGGER present_accounts_after_update
    AFTER UPDATE ON account
    REFERENCING OLD TABLE AS accounts_before NEW TABLE AS accounts_after
    FOR EACH STATEMENT EXECUTE FUNCTION present_accounts_after_update();

CREATE TRIGGER present_accounts_after_truncate
    AFTER TRUNCATE ON account
    FOR EACH STATEMENT EXECUTE FUNCTION present_accounts_after_truncate();

-- no account may change while the counts are taken (an instance of the previous version may still be recording)
LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE;

INSERT INTO source_present_accounts (source, kind, present)
SELECT source, kind, count(*)
FROM account
WHERE gone_at IS NULL
GROUP BY source, kind;
/* [jooq ignore stop] */
