-- Seed data for the API benchmark (docs/benchmarks.md ("HTTP API under load")): 1,000 accounts and 1,000,000 snapshots.
--
-- Run against an empty database that the service has migrated once (it applies V1.. at start-up):
--   psql -h localhost -U postgres -d bh_bench_api -v ON_ERROR_STOP=1 -f docs/bench/seed-api.sql
--
-- Shape of the data:
--   * source "bench" (provider ahrvo, kind budget), accounts bench.budget.b0001 .. bench.budget.b1000,
--     currencies cycling USD, EUR, GBP;
--   * 1,000 successful polls (poll_run ids 1..1000), every 5 minutes, the newest at "now" rounded down to 5 minutes,
--     so the data spans the last ~3.5 days and the latest values are fresh at seed time;
--   * 10 failed polls (ids 1001..1010, outcome failed, no snapshots) in between, so history responses carry gaps;
--   * one snapshot per account and successful poll: 1,000 x 1,000 = 1,000,000 rows of balance_snapshot (generated
--     from runs since V8: every value changes on every poll here, so each is a run of one sighting);
--   * latest_balance from the newest two snapshots per account (value and previous value);
--   * completed UTC days rolled up into daily_balance (as the service's daily job would have done), and only today
--     left in daily_rollup_pending, so the service does no background rollup work during the load.
\set ON_ERROR_STOP on
\timing on

BEGIN;

CREATE TEMP TABLE bench_clock ON COMMIT DROP AS
SELECT to_timestamp(floor(extract(epoch FROM now()) / 300) * 300) AS t_end;

-- every month the snapshots touch needs its partition first
SELECT ensure_snapshot_partitions(m::date)
FROM bench_clock,
     generate_series(date_trunc('month', t_end - 999 * interval '5 minutes'), date_trunc('month', t_end),
                     interval '1 month') AS m;

-- polls: k = 0 .. 999, poll id k + 1, oldest first
INSERT INTO poll_run (id, trigger, requested_source, started_at, finished_at)
OVERRIDING SYSTEM VALUE
SELECT k + 1, 'schedule', NULL,
       t_end - (999 - k) * interval '5 minutes' - interval '2 seconds',
       t_end - (999 - k) * interval '5 minutes'
FROM bench_clock, generate_series(0, 999) AS k;

INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, accounts_seen, rows_written,
                                started_at, finished_at)
SELECT id, 'bench', 'ahrvo', 'ok', NULL, 1000, 1000, started_at, finished_at
FROM poll_run WHERE id BETWEEN 1 AND 1000;
-- the successful polls are the sightings of the history's runs
UPDATE poll_source_result SET balances_recorded = TRUE WHERE poll_id BETWEEN 1 AND 1000;

-- ten failed polls, 2.5 minutes after every 100th successful one
INSERT INTO poll_run (id, trigger, requested_source, started_at, finished_at)
OVERRIDING SYSTEM VALUE
SELECT 1001 + j, 'schedule', NULL,
       t_end - (999 - (j * 100 + 50)) * interval '5 minutes' + interval '150 seconds' - interval '2 seconds',
       t_end - (999 - (j * 100 + 50)) * interval '5 minutes' + interval '150 seconds'
FROM bench_clock, generate_series(0, 9) AS j;

INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, accounts_seen, rows_written,
                                started_at, finished_at)
SELECT id, 'bench', 'ahrvo', 'failed', 'GET /budgets: HTTP 503 (bench seed)', 0, 0, started_at, finished_at
FROM poll_run WHERE id BETWEEN 1001 AND 1010;

ALTER TABLE poll_run ALTER COLUMN id RESTART WITH 2000;

INSERT INTO account (id, source, provider, kind, external_id, name, currency, parent_external_id, attributes,
                     first_seen_at, gone_at)
SELECT 'bench.budget.b' || lpad(a::text, 4, '0'), 'bench', 'ahrvo', 'budget', 'b' || lpad(a::text, 4, '0'),
       'Bench budget ' || lpad(a::text, 4, '0'),
       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], NULL, '{}'::jsonb,
       t_end - 999 * interval '5 minutes', NULL
FROM bench_clock, generate_series(1, 1000) AS a;

INSERT INTO account_name (account_id, name, seen_from)
SELECT id, name, first_seen_at FROM account WHERE source = 'bench';

-- 1,000,000 snapshots, in time order: a slowly falling balance with some noise, at 2 decimals (USD/EUR/GBP scale).
-- Every value changes on every poll, so in the stored form (runs of identical observations, V8) each is a run of one
-- sighting: closed runs in balance_run, the newest value of each account its open run in latest_balance.
CREATE TEMP TABLE bench_value ON COMMIT DROP AS
SELECT a, k, t_end - (999 - k) * interval '5 minutes' AS observed_at, (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3] AS currency,
       round((20000 + (a * 7919) % 80000 - k * (a % 7 + 1) * 1.5 + 50 * sin(k / 10.0 + a))::numeric, 2) AS available
FROM bench_clock, generate_series(0, 999) AS k, generate_series(1, 1000) AS a;

INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
SELECT acc.account_key, v.observed_at, v.observed_at, v.currency, v.available
FROM bench_value v JOIN account acc ON acc.id = 'bench.budget.b' || lpad(v.a::text, 4, '0')
WHERE v.k < 999
ORDER BY v.k, v.a;

INSERT INTO latest_balance (account_id, poll_id, observed_at, provider_as_of, currency, available, ledger, pending,
                            allocated, initial, previous_observed_at, previous_available, follows_source_poll)
SELECT 'bench.budget.b' || lpad(s.a::text, 4, '0'), 1000, s.observed_at, NULL, s.currency, s.available, NULL, NULL,
       NULL, NULL, p.observed_at, p.available, TRUE
FROM bench_value s
JOIN bench_value p ON p.a = s.a AND p.k = 998
WHERE s.k = 999;

INSERT INTO source_balance_poll (source, poll_id, observed_at) SELECT 'bench', 1000, t_end FROM bench_clock;

-- completed UTC days rolled up, today pending (what the service's daily job leaves behind)
INSERT INTO daily_balance (account_key, day, currency, open_available, close_available, min_available,
                           max_available, samples, first_observed_at, last_observed_at)
SELECT a.account_key, (s.observed_at AT TIME ZONE 'UTC')::date, min(s.currency),
       (array_agg(s.available ORDER BY s.observed_at))[1],
       (array_agg(s.available ORDER BY s.observed_at DESC))[1],
       min(s.available), max(s.available), count(*), min(s.observed_at), max(s.observed_at)
FROM balance_snapshot s JOIN account a ON a.id = s.account_id, bench_clock c
WHERE s.observed_at < (c.t_end AT TIME ZONE 'UTC')::date::timestamp AT TIME ZONE 'UTC'
GROUP BY 1, 2;

INSERT INTO daily_rollup_pending (day, marked_at)
SELECT (t_end AT TIME ZONE 'UTC')::date, t_end FROM bench_clock
ON CONFLICT (day) DO NOTHING;

COMMIT;

VACUUM ANALYZE poll_run;
VACUUM ANALYZE poll_source_result;
VACUUM ANALYZE account;
VACUUM ANALYZE account_name;
VACUUM ANALYZE latest_balance;
VACUUM ANALYZE daily_balance;
VACUUM ANALYZE balance_run;

SELECT (SELECT count(*) FROM account) AS accounts,
       (SELECT count(*) FROM balance_snapshot) AS snapshots,
       (SELECT count(*) FROM latest_balance) AS latest,
       (SELECT count(*) FROM poll_run) AS polls,
       (SELECT min(observed_at) FROM balance_snapshot) AS oldest,
       (SELECT max(observed_at) FROM balance_snapshot) AS newest;
