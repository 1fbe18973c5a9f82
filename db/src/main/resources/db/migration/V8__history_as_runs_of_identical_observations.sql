-- History that grows with change, not with polls. Until now every poll wrote one balance_snapshot row per account
-- (about 200 bytes on disk) whether or not anything changed. Now a value is stored once, as a run: from the poll
-- that first saw it to the last poll that saw it again before it changed, or before the account was missing from
-- a poll. The source's polls in between are its sightings, and the poll ledger already holds them
-- (poll_source_result, with balances_recorded set). Closed runs are immutable rows of balance_run; the open run of
-- each account is its latest_balance row while it follows the source's newest poll (its observed_at is then when
-- the value was first seen, V4). A poll recorded
-- after a newer one of its source (rare: two on-demand polls racing) keeps its rows per poll, in
-- balance_late_snapshot. balance_snapshot keeps its name and columns as a view generating one row per account and
-- sighting, so every reader and analytics view answers as before. The model and a diagram: docs/sql.md.

-- A compact key for the account in every history row: 4 bytes instead of a 30-to-200-byte text id.
ALTER TABLE account ADD COLUMN account_key INTEGER GENERATED ALWAYS AS IDENTITY;
ALTER TABLE account ADD CONSTRAINT account_key_unique UNIQUE (account_key);

-- TRUE when the poll's balances were recorded as its source's newest: it is then a sighting of every run of the
-- source that spans its time. FALSE for failed polls and for polls recorded after a newer one.
ALTER TABLE poll_source_result ADD COLUMN balances_recorded BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE balance_run (
    account_key    INTEGER        NOT NULL,
    first_seen_at  TIMESTAMPTZ    NOT NULL,
    last_seen_at   TIMESTAMPTZ    NOT NULL,
    provider_as_of TIMESTAMPTZ,
    currency       VARCHAR(3)     NOT NULL,
    available      NUMERIC(24, 4) NOT NULL,
    ledger         NUMERIC(24, 4),
    pending        NUMERIC(24, 4),
    allocated      NUMERIC(24, 4),
    initial        NUMERIC(24, 4),
    PRIMARY KEY (account_key, last_seen_at)
) /* [jooq ignore start] */ PARTITION BY RANGE (last_seen_at) /* [jooq ignore stop] */;

CREATE TABLE balance_late_snapshot (
    account_key    INTEGER        NOT NULL,
    observed_at    TIMESTAMPTZ    NOT NULL,
    poll_id        BIGINT         NOT NULL,
    provider_as_of TIMESTAMPTZ,
    currency       VARCHAR(3)     NOT NULL,
    available      NUMERIC(24, 4) NOT NULL,
    ledger         NUMERIC(24, 4),
    pending        NUMERIC(24, 4),
    allocated      NUMERIC(24, 4),
    initial        NUMERIC(24, 4),
    PRIMARY KEY (account_key, observed_at, poll_id)
) /* [jooq ignore start] */ PARTITION BY RANGE (observed_at) /* [jooq ignore stop] */;

/* [jooq ignore start] */
-- the per-poll table stays readable until its rows are turned into runs below
ALTER TABLE balance_snapshot RENAME TO balance_snapshot_before_v8;
/* [jooq ignore stop] */
DROP TABLE IF EXISTS balance_snapshot;

-- The generated form, declared first with its column types alone (the real query follows, for PostgreSQL only).
CREATE VIEW balance_snapshot AS
SELECT CAST(NULL AS VARCHAR(200))             AS account_id,
       CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS observed_at,
       CAST(NULL AS BIGINT)                   AS poll_id,
       CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS provider_as_of,
       CAST(NULL AS VARCHAR(3))               AS currency,
       CAST(NULL AS NUMERIC(24, 4))           AS available,
       CAST(NULL AS NUMERIC(24, 4))           AS ledger,
       CAST(NULL AS NUMERIC(24, 4))           AS pending,
       CAST(NULL AS NUMERIC(24, 4))           AS allocated,
       CAST(NULL AS NUMERIC(24, 4))           AS initial;

/* [jooq ignore start] */
-- Sightings of a source, found by time: the only index the generated rows need besides the runs' key.
CREATE INDEX poll_source_result_sightings ON poll_source_result (source, finished_at) WHERE balances_recorded;

CREATE OR REPLACE VIEW balance_snapshot AS
SELECT a.id::varchar(200) AS account_id, p.finished_at AS observed_at, p.poll_id, r.provider_as_of,
       r.currency::varchar(3) AS currency, r.available::numeric(24, 4) AS available,
       r.ledger::numeric(24, 4) AS ledger, r.pending::numeric(24, 4) AS pending,
       r.allocated::numeric(24, 4) AS allocated, r.initial::numeric(24, 4) AS initial
FROM balance_run r
JOIN account a ON a.account_key = r.account_key
JOIN poll_source_result p ON p.source = a.source AND p.balances_recorded
                         AND p.finished_at >= r.first_seen_at AND p.finished_at <= r.last_seen_at
UNION ALL
SELECT l.account_id::varchar(200), p.finished_at, p.poll_id, l.provider_as_of, l.currency::varchar(3),
       l.available::numeric(24, 4), l.ledger::numeric(24, 4), l.pending::numeric(24, 4),
       l.allocated::numeric(24, 4), l.initial::numeric(24, 4)
FROM latest_balance l
JOIN poll_source_result p ON p.source = l.source AND p.balances_recorded AND p.finished_at >= l.observed_at
WHERE l.follows_source_poll
UNION ALL
SELECT a.id::varchar(200), s.observed_at, s.poll_id, s.provider_as_of, s.currency::varchar(3),
       s.available::numeric(24, 4), s.ledger::numeric(24, 4), s.pending::numeric(24, 4),
       s.allocated::numeric(24, 4), s.initial::numeric(24, 4)
FROM balance_late_snapshot s
JOIN account a ON a.account_key = s.account_key;
COMMENT ON VIEW balance_snapshot IS 'One row per account and poll that observed it, generated from balance_run (closed runs), latest_balance (open runs) and balance_late_snapshot; the sightings come from poll_source_result.';
COMMENT ON TABLE balance_run IS 'Closed runs: one value of an account from the first to the last poll that saw it; every poll of the source between them with balances_recorded saw it too. Immutable.';
COMMENT ON TABLE balance_late_snapshot IS 'Balances of polls recorded after a newer poll of their source, per poll (they are no sightings of the runs).';
COMMENT ON COLUMN poll_source_result.balances_recorded IS 'TRUE when the poll''s balances were recorded as its source''s newest: a sighting of every run of the source spanning its time.';
COMMENT ON COLUMN account.account_key IS 'Compact surrogate key of the account in the history tables.';

-- The readers' views now read the generated form (same text, the name resolves to the new view).
CREATE OR REPLACE VIEW analytics.snapshots AS
SELECT s.observed_at,
       s.provider_as_of,
       s.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.external_id,
       a.name        AS account_name,
       a.kind,
       s.currency,
       s.available,
       s.ledger,
       s.pending,
       s.allocated,
       s.initial
FROM balance_snapshot s
JOIN account a ON a.id = s.account_id;

CREATE OR REPLACE VIEW analytics.daily_balances AS
WITH open_days AS (
    -- days not rolled up yet: today (UTC) and any day that received snapshots since its rollup
    SELECT day FROM daily_rollup_pending
    UNION
    SELECT (now() AT TIME ZONE 'UTC')::date
), days AS (
    SELECT d.account_id, d.day, d.currency, d.open_available, d.close_available, d.min_available,
           d.max_available, d.samples, d.first_observed_at, d.last_observed_at
    FROM daily_balance d
    WHERE d.day NOT IN (SELECT day FROM open_days)
    UNION ALL
    SELECT s.account_id, o.day, min(s.currency),
           (array_agg(s.available ORDER BY s.observed_at))[1],
           (array_agg(s.available ORDER BY s.observed_at DESC))[1],
           min(s.available), max(s.available), count(*)::int, min(s.observed_at), max(s.observed_at)
    FROM open_days o
    JOIN balance_snapshot s ON s.observed_at >= o.day::timestamp AT TIME ZONE 'UTC'
                           AND s.observed_at < (o.day + 1)::timestamp AT TIME ZONE 'UTC'
    GROUP BY s.account_id, o.day
)
SELECT d.day,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.name        AS account_name,
       a.kind,
       d.currency,
       d.open_available,
       d.close_available,
       d.min_available,
       d.max_available,
       d.samples,
       d.first_observed_at,
       d.last_observed_at
FROM days d
JOIN account a ON a.id = d.account_id;

-- Generated rows are history too: refuse to change or remove one; runs are immutable like snapshots were.
CREATE TRIGGER balance_snapshot_append_only
    INSTEAD OF UPDATE OR DELETE ON balance_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER balance_run_append_only
    BEFORE UPDATE OR DELETE ON balance_run
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER balance_run_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON balance_run
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER balance_late_snapshot_append_only
    BEFORE UPDATE OR DELETE ON balance_late_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER balance_late_snapshot_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON balance_late_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();

-- Monthly partitions of the history tables: runs by the month of their last sighting, late rows by theirs.
CREATE OR REPLACE FUNCTION ensure_snapshot_partitions(month_start DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    first_day DATE := date_trunc('month', month_start)::date;
    next_day  DATE := (date_trunc('month', month_start) + INTERVAL '1 month')::date;
    suffix    TEXT := to_char(first_day, 'YYYY_MM');
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF balance_run FOR VALUES FROM (%L) TO (%L)',
                   'balance_run_' || suffix, first_day, next_day);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF balance_late_snapshot FOR VALUES FROM (%L) TO (%L)',
                   'balance_late_snapshot_' || suffix, first_day, next_day);
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF card_limit_snapshot FOR VALUES FROM (%L) TO (%L)',
                   'card_limit_snapshot_' || suffix, first_day, next_day);
END;
$$;

SELECT ensure_snapshot_partitions(month)
FROM (SELECT date_trunc('month', observed_at)::date AS month FROM balance_snapshot_before_v8
      UNION
      SELECT (date_trunc('month', now()) + make_interval(months => m))::date FROM generate_series(-1, 3) AS m) months;

-- The per-poll rows become runs. A source's successful polls are its sightings; numbering them per source, a run
-- is a stretch of an account's snapshots at consecutive sightings with one value: a changed value, or a sighting
-- without the account (failed for it, or not returned), starts the next run.
UPDATE poll_source_result SET balances_recorded = TRUE WHERE outcome IN ('ok', 'partial');

CREATE TEMPORARY TABLE sighting_number ON COMMIT DROP AS
SELECT source, poll_id, row_number() OVER (PARTITION BY source ORDER BY finished_at, poll_id) AS n
FROM poll_source_result
WHERE balances_recorded;
CREATE INDEX ON sighting_number (poll_id, source);

CREATE TEMPORARY TABLE snapshot_run ON COMMIT DROP AS
WITH numbered AS (
    SELECT a.account_key, s.observed_at, s.provider_as_of, s.currency, s.available, s.ledger, s.pending,
           s.allocated, s.initial, g.n
    FROM balance_snapshot_before_v8 s
    JOIN account a ON a.id = s.account_id
    JOIN sighting_number g ON g.poll_id = s.poll_id AND g.source = a.source
), marked AS (
    SELECT *,
           CASE WHEN lag(n) OVER w = n - 1
                 AND (lag(provider_as_of) OVER w, lag(currency) OVER w, lag(available) OVER w, lag(ledger) OVER w,
                      lag(pending) OVER w, lag(allocated) OVER w, lag(initial) OVER w)
                     IS NOT DISTINCT FROM (provider_as_of, currency, available, ledger, pending, allocated, initial)
                THEN 0 ELSE 1 END AS starts_run
    FROM numbered
    WINDOW w AS (PARTITION BY account_key ORDER BY n)
), grouped AS (
    SELECT *, sum(starts_run) OVER (PARTITION BY account_key ORDER BY n) AS run
    FROM marked
)
SELECT account_key, run, min(observed_at) AS first_seen_at, max(observed_at) AS last_seen_at,
       provider_as_of, currency, available, ledger, pending, allocated, initial
FROM grouped
GROUP BY account_key, run, provider_as_of, currency, available, ledger, pending, allocated, initial;

-- The run that reaches the source's newest poll, of an account whose latest row follows that poll, stays open:
-- that latest row is it.
INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, provider_as_of, currency, available, ledger,
                         pending, allocated, initial)
SELECT r.account_key, r.first_seen_at, r.last_seen_at, r.provider_as_of, r.currency, r.available, r.ledger,
       r.pending, r.allocated, r.initial
FROM snapshot_run r
WHERE NOT EXISTS (SELECT 1 FROM latest_balance l JOIN account a ON a.id = l.account_id
                  JOIN source_balance_poll p ON p.source = l.source
                  WHERE a.account_key = r.account_key AND l.follows_source_poll
                    AND r.last_seen_at = p.observed_at);

-- snapshots of polls that were not successful (none are written so; kept rather than lost)
INSERT INTO balance_late_snapshot (account_key, observed_at, poll_id, provider_as_of, currency, available, ledger,
                                   pending, allocated, initial)
SELECT a.account_key, s.observed_at, s.poll_id, s.provider_as_of, s.currency, s.available, s.ledger, s.pending,
       s.allocated, s.initial
FROM balance_snapshot_before_v8 s
JOIN account a ON a.id = s.account_id
WHERE NOT EXISTS (SELECT 1 FROM sighting_number g WHERE g.poll_id = s.poll_id AND g.source = a.source);

DROP TABLE balance_snapshot_before_v8;
/* [jooq ignore stop] */
