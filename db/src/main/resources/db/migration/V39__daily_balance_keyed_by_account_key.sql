-- The daily rollup keyed by the account's 4-byte key instead of its text id (V8 gave every other history table the
-- key). A year of 10,000 accounts' days is 3.6 million rollup rows, and with the id in the heap and in the covering
-- key (V31) they took 0.86 bytes per logical observation on their own, as much as half of the runs: about 18 % of
-- that was the ids (docs/benchmarks.md). The table is rebuilt, day after day as the rollup writes it; its columns
-- but the id, and analytics.daily_balances' columns and answers, are unchanged.

ALTER TABLE daily_balance RENAME TO daily_balance_before_v39;

CREATE TABLE daily_balance (
    account_key       INTEGER        NOT NULL,
    day               DATE           NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    open_available    NUMERIC(24, 4) NOT NULL,
    close_available   NUMERIC(24, 4) NOT NULL,
    min_available     NUMERIC(24, 4) NOT NULL,
    max_available     NUMERIC(24, 4) NOT NULL,
    samples           INTEGER        NOT NULL,
    first_observed_at TIMESTAMPTZ    NOT NULL,
    last_observed_at  TIMESTAMPTZ    NOT NULL
);

/* [jooq ignore start] */
INSERT INTO daily_balance (account_key, day, currency, open_available, close_available, min_available, max_available,
                           samples, first_observed_at, last_observed_at)
SELECT a.account_key, d.day, d.currency, d.open_available, d.close_available, d.min_available, d.max_available,
       d.samples, d.first_observed_at, d.last_observed_at
FROM daily_balance_before_v39 d
JOIN account a ON a.id = d.account_id
ORDER BY d.day, a.account_key;

-- the open day's parts now carry the runs' account key and meet the accounts once, at the end
CREATE OR REPLACE VIEW analytics.daily_balances AS
WITH open_days AS (
    -- days not rolled up yet: today (UTC) and any day that received snapshots since its rollup
    SELECT day, day::timestamp AT TIME ZONE 'UTC' AS day_start, (day + 1)::timestamp AT TIME ZONE 'UTC' AS day_end
    FROM (SELECT day FROM daily_rollup_pending
          UNION
          SELECT (now() AT TIME ZONE 'UTC')::date) pending
), sightings AS (
    -- each source's sightings on an open day, in time order (polls of the same time each count), asked per source
    -- with accounts since the index of sightings is by source first
    SELECT o.day, sources.source, array_agg(p.finished_at ORDER BY p.finished_at) AS times
    FROM open_days o
    CROSS JOIN (SELECT DISTINCT source FROM account) sources
    JOIN poll_source_result p ON p.source = sources.source AND p.balances_recorded
                             AND p.finished_at >= o.day_start AND p.finished_at < o.day_end
    GROUP BY o.day, sources.source
), spans AS (
    -- one value of an account over the sightings of one open day: times[seen_after + 1 .. seen_through]
    SELECT r.account_key, o.day, r.currency, r.available, s.times,
           width_bucket(r.first_seen_at - INTERVAL '1 microsecond', s.times) AS seen_after,
           width_bucket(r.last_seen_at, s.times) AS seen_through
    FROM open_days o
    JOIN balance_run r ON history_seconds(r.first_seen_at, r.last_seen_at) && history_seconds(o.day_start, o.day_end)
                      AND r.first_seen_at < o.day_end AND r.last_seen_at >= o.day_start
    JOIN account a ON a.account_key = r.account_key
    JOIN sightings s ON s.day = o.day AND s.source = a.source
    UNION ALL
    SELECT l.account_key, s.day, l.currency, l.available, s.times,
           width_bucket(l.observed_at - INTERVAL '1 microsecond', s.times),
           cardinality(s.times)
    FROM latest_balance l
    JOIN sightings s ON s.source = l.source
    WHERE l.follows_source_poll
), samples AS (
    SELECT account_key, day, currency, available, seen_through - seen_after AS samples,
           times[seen_after + 1] AS first_observed_at, times[seen_through] AS last_observed_at
    FROM spans
    WHERE seen_through > seen_after
    UNION ALL
    SELECT s.account_key, o.day, s.currency, s.available, 1, s.observed_at, s.observed_at
    FROM open_days o
    JOIN balance_late_snapshot s ON s.observed_at >= o.day_start AND s.observed_at < o.day_end
), days AS (
    SELECT d.account_key, d.day, d.currency, d.open_available, d.close_available, d.min_available,
           d.max_available, d.samples, d.first_observed_at, d.last_observed_at
    FROM daily_balance d
    WHERE d.day NOT IN (SELECT day FROM open_days)
    UNION ALL
    SELECT account_key, day, min(currency)::varchar,
           (array_agg(available ORDER BY first_observed_at))[1],
           (array_agg(available ORDER BY last_observed_at DESC))[1],
           min(available), max(available), sum(samples)::int, min(first_observed_at), max(last_observed_at)
    FROM samples
    GROUP BY account_key, day
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
JOIN account a ON a.account_key = d.account_key;

/* [jooq ignore stop] */

DROP TABLE daily_balance_before_v39;

/* [jooq ignore start] */
ALTER TABLE daily_balance ADD CONSTRAINT daily_balance_pkey PRIMARY KEY (account_key, day)
    INCLUDE (currency, open_available, close_available, min_available, max_available, samples);
CREATE INDEX daily_balance_by_day ON daily_balance USING brin (day);
COMMENT ON TABLE daily_balance IS 'Daily rollup per account (UTC days), made once a day is over; survives retention.';
COMMENT ON COLUMN daily_balance.account_key IS 'The account''s key (account.account_key).';
COMMENT ON INDEX daily_balance_pkey IS 'The rollup''s key, carrying the day''s values: one account''s days read by an index-only scan.';
-- the rebuilt table has no statistics yet: without them a month of it is read whole instead of by its days
ANALYZE daily_balance;
/* [jooq ignore stop] */
