-- Card limits the same way as balances (V8): a card's remaining limit for a period is stored once, as a run from the
-- first to the last poll of its source that read it with one value, instead of one row per card, period and poll.
-- The source's polls in between are its sightings (poll_source_result with balances_recorded, as for balances). Closed
-- runs are immutable rows of card_limit_run; the open run of each card and period is its latest_card_limit row, from
-- its first_seen_at to its observed_at (its last sighting). A poll recorded after a newer one of its source keeps its
-- rows per poll, in card_limit_late_snapshot. card_limit_snapshot keeps its name and columns as a view generating one
-- row per card, period and sighting, so analytics.card_limits answers as before. The model: docs/sql.md.

CREATE TABLE card_limit_run (
    account_key      INTEGER        NOT NULL,
    period           VARCHAR(16)    NOT NULL,
    first_seen_at    TIMESTAMPTZ    NOT NULL,
    last_seen_at     TIMESTAMPTZ    NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    remaining        NUMERIC(24, 4) NOT NULL,
    configured_total NUMERIC(24, 4),
    PRIMARY KEY (account_key, period, last_seen_at)
) /* [jooq ignore start] */ PARTITION BY RANGE (last_seen_at) /* [jooq ignore stop] */;

CREATE TABLE card_limit_late_snapshot (
    account_key      INTEGER        NOT NULL,
    period           VARCHAR(16)    NOT NULL,
    observed_at      TIMESTAMPTZ    NOT NULL,
    poll_id          BIGINT         NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    remaining        NUMERIC(24, 4) NOT NULL,
    configured_total NUMERIC(24, 4),
    PRIMARY KEY (account_key, period, observed_at, poll_id)
) /* [jooq ignore start] */ PARTITION BY RANGE (observed_at) /* [jooq ignore stop] */;

-- The first sighting of the open run; NULL when no sighting began it (a value a poll recorded late left here before
-- V38: its row is in card_limit_late_snapshot and it has no run).
ALTER TABLE latest_card_limit ADD COLUMN first_seen_at TIMESTAMPTZ;

/* [jooq ignore start] */
-- the per-poll table stays readable until its rows are turned into runs below
ALTER TABLE card_limit_snapshot RENAME TO card_limit_snapshot_before_v38;
/* [jooq ignore stop] */
DROP TABLE IF EXISTS card_limit_snapshot;

-- The generated form, declared first with its column types alone (the real query follows, for PostgreSQL only).
CREATE VIEW card_limit_snapshot AS
SELECT CAST(NULL AS VARCHAR(200))             AS account_id,
       CAST(NULL AS VARCHAR(16))              AS period,
       CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS observed_at,
       CAST(NULL AS BIGINT)                   AS poll_id,
       CAST(NULL AS VARCHAR(3))               AS currency,
       CAST(NULL AS NUMERIC(24, 4))           AS remaining,
       CAST(NULL AS NUMERIC(24, 4))           AS configured_total;

/* [jooq ignore start] */
CREATE OR REPLACE VIEW card_limit_snapshot AS
SELECT a.id::varchar(200) AS account_id, r.period::varchar(16) AS period, p.finished_at AS observed_at, p.poll_id,
       r.currency::varchar(3) AS currency, r.remaining::numeric(24, 4) AS remaining,
       r.configured_total::numeric(24, 4) AS configured_total
FROM card_limit_run r
JOIN account a ON a.account_key = r.account_key
JOIN poll_source_result p ON p.source = a.source AND p.balances_recorded
                         AND p.finished_at >= r.first_seen_at AND p.finished_at <= r.last_seen_at
UNION ALL
SELECT l.account_id::varchar(200), l.period::varchar(16), p.finished_at, p.poll_id, l.currency::varchar(3),
       l.remaining::numeric(24, 4), l.configured_total::numeric(24, 4)
FROM latest_card_limit l
JOIN account a ON a.id = l.account_id
JOIN poll_source_result p ON p.source = a.source AND p.balances_recorded
                         AND p.finished_at >= l.first_seen_at AND p.finished_at <= l.observed_at
UNION ALL
SELECT a.id::varchar(200), s.period::varchar(16), s.observed_at, s.poll_id, s.currency::varchar(3),
       s.remaining::numeric(24, 4), s.configured_total::numeric(24, 4)
FROM card_limit_late_snapshot s
JOIN account a ON a.account_key = s.account_key;
COMMENT ON VIEW card_limit_snapshot IS 'One row per card, period and poll that read it, generated from card_limit_run (closed runs), latest_card_limit (open runs) and card_limit_late_snapshot; the sightings come from poll_source_result.';
COMMENT ON TABLE card_limit_run IS 'Closed runs of card limits: one remaining amount of a card and period from the first to the last poll that read it; every poll of the source between them with balances_recorded read it too. Immutable.';
COMMENT ON TABLE card_limit_late_snapshot IS 'Card limits of polls recorded after a newer poll of their source, per poll (they are no sightings of the runs).';
COMMENT ON COLUMN latest_card_limit.first_seen_at IS 'First sighting of the open run (the latest value); observed_at is its last. NULL: no sighting began it.';

-- the analysts' view reads the generated form (same text, the name resolves to the new view)
CREATE OR REPLACE VIEW analytics.card_limits AS
SELECT c.observed_at,
       c.poll_id,
       a.provider,
       a.source,
       a.id          AS account_id,
       a.external_id AS card_id,
       a.name        AS card_name,
       c.period,
       c.currency,
       c.remaining,
       c.configured_total,
       CASE WHEN c.configured_total IS NOT NULL
            THEN GREATEST(c.configured_total - c.remaining, 0) END                     AS used,
       CASE WHEN c.configured_total > 0
            THEN round(GREATEST(c.configured_total - c.remaining, 0) * 100 / c.configured_total, 2) END
                                                                                       AS utilization_percent
FROM card_limit_snapshot c
JOIN account a ON a.id = c.account_id;

CREATE TRIGGER card_limit_snapshot_append_only
    INSTEAD OF UPDATE OR DELETE ON card_limit_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_run_append_only
    BEFORE UPDATE OR DELETE ON card_limit_run
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_run_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON card_limit_run
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_late_snapshot_append_only
    BEFORE UPDATE OR DELETE ON card_limit_late_snapshot
    FOR EACH ROW EXECUTE FUNCTION refuse_snapshot_change();
CREATE TRIGGER card_limit_late_snapshot_append_only_statement
    BEFORE UPDATE OR DELETE OR TRUNCATE ON card_limit_late_snapshot
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_snapshot_change();

-- Monthly partitions of the history tables: runs by the month of their last sighting, late rows by theirs.
CREATE OR REPLACE FUNCTION ensure_snapshot_partitions(month_start DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
    first_day DATE := date_trunc('month', month_start)::date;
    next_day  DATE := (date_trunc('month', month_start) + INTERVAL '1 month')::date;
    suffix    TEXT := to_char(first_day, 'YYYY_MM');
    history   TEXT;
BEGIN
    FOREACH history IN ARRAY ARRAY['balance_run', 'balance_late_snapshot', 'card_limit_run',
                                   'card_limit_late_snapshot'] LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',
                       history || '_' || suffix, history, first_day, next_day);
    END LOOP;
END;
$$;

-- every month that holds balance runs (retention drops whole months of all history tables alike), the month of each
-- per-poll card limit row, and the months around now
SELECT ensure_snapshot_partitions(month)
FROM (SELECT to_date(substring(c.relname FROM '(\d{4}_\d{2})$'), 'YYYY_MM') AS month
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = 'balance_run' AND c.relname ~ '_\d{4}_\d{2}$'
      UNION
      SELECT date_trunc('month', observed_at)::date FROM card_limit_snapshot_before_v38
      UNION
      SELECT (date_trunc('month', now()) + make_interval(months => m))::date FROM generate_series(-1, 3) AS m) months;

-- The per-poll rows become runs, as V8 made balance runs: numbering each source's sightings, a run is a stretch of a
-- card and period's rows at consecutive sightings with one value; a changed value, or a sighting without the card
-- and period (not returned, or failed for it), starts the next run.
CREATE TEMPORARY TABLE card_limit_sighting ON COMMIT DROP AS
SELECT source, poll_id, row_number() OVER (PARTITION BY source ORDER BY finished_at, poll_id) AS n
FROM poll_source_result
WHERE balances_recorded;
CREATE INDEX ON card_limit_sighting (poll_id, source);

CREATE TEMPORARY TABLE card_limit_per_poll_run ON COMMIT DROP AS
WITH numbered AS (
    SELECT a.account_key, c.account_id, c.period, c.observed_at, c.currency, c.remaining, c.configured_total, g.n
    FROM card_limit_snapshot_before_v38 c
    JOIN account a ON a.id = c.account_id
    JOIN card_limit_sighting g ON g.poll_id = c.poll_id AND g.source = a.source
), marked AS (
    SELECT *,
           CASE WHEN lag(n) OVER w = n - 1
                 AND (lag(currency) OVER w, lag(remaining) OVER w, lag(configured_total) OVER w)
                     IS NOT DISTINCT FROM (currency, remaining, configured_total)
                THEN 0 ELSE 1 END AS starts_run
    FROM numbered
    WINDOW w AS (PARTITION BY account_key, period ORDER BY n)
), grouped AS (
    SELECT *, sum(starts_run) OVER (PARTITION BY account_key, period ORDER BY n) AS run
    FROM marked
)
SELECT account_key, account_id, period, run, min(observed_at) AS first_seen_at, max(observed_at) AS last_seen_at,
       currency, remaining, configured_total
FROM grouped
GROUP BY account_key, account_id, period, run, currency, remaining, configured_total;

-- The run ending at a latest row's reading with its value is that row's open run.
UPDATE latest_card_limit l
SET first_seen_at = r.first_seen_at
FROM card_limit_per_poll_run r
WHERE r.account_id = l.account_id AND r.period = l.period AND r.last_seen_at = l.observed_at
  AND (r.currency, r.remaining, r.configured_total) IS NOT DISTINCT FROM (l.currency, l.remaining, l.configured_total);

INSERT INTO card_limit_run (account_key, period, first_seen_at, last_seen_at, currency, remaining, configured_total)
SELECT r.account_key, r.period, r.first_seen_at, r.last_seen_at, r.currency, r.remaining, r.configured_total
FROM card_limit_per_poll_run r
WHERE NOT EXISTS (SELECT 1 FROM latest_card_limit l
                  WHERE l.account_id = r.account_id AND l.period = r.period
                    AND l.first_seen_at = r.first_seen_at AND l.observed_at = r.last_seen_at);

-- rows of polls that were no sightings (recorded after a newer poll of their source)
INSERT INTO card_limit_late_snapshot (account_key, period, observed_at, poll_id, currency, remaining, configured_total)
SELECT a.account_key, c.period, c.observed_at, c.poll_id, c.currency, c.remaining, c.configured_total
FROM card_limit_snapshot_before_v38 c
JOIN account a ON a.id = c.account_id
WHERE NOT EXISTS (SELECT 1 FROM card_limit_sighting g WHERE g.poll_id = c.poll_id AND g.source = a.source);

DROP TABLE card_limit_snapshot_before_v38;
/* [jooq ignore stop] */
