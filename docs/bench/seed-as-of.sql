-- Seed data for the as-of benchmark (docs/benchmarks.md, "Balances as of a time"): 10,000 accounts with a year of
-- history in the stored form (runs, V8).
--
-- Run against an empty database that the service has migrated once (it applies V1.. at start-up):
--   psql -h localhost -U postgres -d bh_bench_asof -v ON_ERROR_STOP=1 -f docs/bench/seed-as-of.sql
--
-- Shape of the data:
--   * source "bench" (provider ahrvo, kind budget), accounts bench.budget.b00001 .. bench.budget.b10000, currencies
--     cycling USD, EUR, GBP;
--   * one successful poll every 15 minutes for 365 days (35,040 polls, ids 1..35040), the newest at "now" rounded
--     down to 15 minutes, plus one failed poll 5 minutes after every 1,000th (ids 40001..);
--   * every account's balance changes once a day at a poll of its own (spread over the day): 365 values per account,
--     3,650,000 closed runs in balance_run (each spanning about 96 sightings) and the newest value of each account
--     its open run in latest_balance. As per-poll rows this would be 350 million snapshots.
-- The GiST index of V15 is dropped for the load and built again after it (faster than maintaining it per row).
\set ON_ERROR_STOP on
\timing on

BEGIN;

CREATE TEMP TABLE bench_clock ON COMMIT DROP AS
SELECT to_timestamp(floor(extract(epoch FROM now()) / 900) * 900) AS t_end, 35040 AS polls;

SELECT ensure_snapshot_partitions(m::date)
FROM bench_clock,
     generate_series(date_trunc('month', t_end - (polls - 1) * interval '15 minutes'), date_trunc('month', t_end),
                     interval '1 month') AS m;

-- polls: k = 0 .. 35039, poll id k + 1, oldest first
INSERT INTO poll_run (id, trigger, requested_source, started_at, finished_at)
OVERRIDING SYSTEM VALUE
SELECT k + 1, 'schedule', NULL,
       t_end - (polls - 1 - k) * interval '15 minutes' - interval '2 seconds',
       t_end - (polls - 1 - k) * interval '15 minutes'
FROM bench_clock, generate_series(0, 35039) AS k;

INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, accounts_seen, rows_written,
                                started_at, finished_at, balances_recorded)
SELECT id, 'bench', 'ahrvo', 'ok', NULL, 10000, 0, started_at, finished_at, TRUE
FROM poll_run WHERE id BETWEEN 1 AND 35040;

-- failed polls, 5 minutes after every 1,000th successful one
INSERT INTO poll_run (id, trigger, requested_source, started_at, finished_at)
OVERRIDING SYSTEM VALUE
SELECT 40001 + j, 'schedule', NULL,
       t_end - (polls - 1 - j * 1000) * interval '15 minutes' + interval '5 minutes' - interval '2 seconds',
       t_end - (polls - 1 - j * 1000) * interval '15 minutes' + interval '5 minutes'
FROM bench_clock, generate_series(0, 34) AS j;

INSERT INTO poll_source_result (poll_id, source, provider, outcome, error_text, accounts_seen, rows_written,
                                started_at, finished_at)
SELECT id, 'bench', 'ahrvo', 'failed', 'GET /budgets: HTTP 503 (bench seed)', 0, 0, started_at, finished_at
FROM poll_run WHERE id > 40000;

ALTER TABLE poll_run ALTER COLUMN id RESTART WITH 50000;

INSERT INTO account (id, source, provider, kind, external_id, name, currency, parent_external_id, attributes,
                     first_seen_at, gone_at)
SELECT 'bench.budget.b' || lpad(a::text, 5, '0'), 'bench', 'ahrvo', 'budget', 'b' || lpad(a::text, 5, '0'),
       'Bench budget ' || lpad(a::text, 5, '0'), (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], NULL, '{}'::jsonb,
       t_end - (polls - 1) * interval '15 minutes', NULL
FROM bench_clock, generate_series(1, 10000) AS a;

INSERT INTO account_name (account_id, name, seen_from)
SELECT id, name, first_seen_at FROM account WHERE source = 'bench';

-- day d's value of account a is first seen at poll k (day 0: the first poll), and lasts until the next one begins
CREATE TEMP TABLE bench_value ON COMMIT DROP AS
SELECT acc.account_key, v.a, v.d, v.k, lead(v.k) OVER (PARTITION BY v.a ORDER BY v.d) AS next_k, acc.currency,
       round((10000 + (v.a * 7919) % 50000 - v.d * 10 + (v.a * v.d) % 97 + (v.a % 100) / 100.0)::numeric, 2)
           AS available
FROM (SELECT a, d, CASE WHEN d = 0 THEN 0 ELSE d * 96 + (a * 37 + d * 11) % 96 END AS k
      FROM generate_series(1, 10000) AS a, generate_series(0, 364) AS d) v
JOIN account acc ON acc.id = 'bench.budget.b' || lpad(v.a::text, 5, '0');

DROP INDEX balance_run_spans;

INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
SELECT v.account_key, c.t_end - (c.polls - 1 - v.k) * interval '15 minutes',
       c.t_end - (c.polls - 1 - (v.next_k - 1)) * interval '15 minutes', v.currency, v.available
FROM bench_value v, bench_clock c
WHERE v.next_k IS NOT NULL;

INSERT INTO latest_balance (account_id, poll_id, observed_at, provider_as_of, currency, available, ledger, pending,
                            allocated, initial, previous_observed_at, previous_available, follows_source_poll)
SELECT 'bench.budget.b' || lpad(v.a::text, 5, '0'), v.k + 1, c.t_end - (c.polls - 1 - v.k) * interval '15 minutes',
       NULL, v.currency, v.available, NULL, NULL, NULL, NULL,
       c.t_end - (c.polls - 1 - (v.k - 1)) * interval '15 minutes', p.available, TRUE
FROM bench_value v
JOIN bench_value p ON p.a = v.a AND p.d = v.d - 1, bench_clock c
WHERE v.next_k IS NULL;

INSERT INTO source_balance_poll (source, poll_id, observed_at) SELECT 'bench', polls, t_end FROM bench_clock;

-- V24: the polls of the last half year recorded their interval (15 minutes), the older ones none (as if recorded
-- before V24); 200 accounts were gone for a day three months ago and came back, 20 of them gone again since yesterday
UPDATE poll_source_result SET poll_interval_millis = 900000
FROM bench_clock c WHERE finished_at > c.t_end - interval '182 days';
INSERT INTO account_gone (account_id, gone_at, back_at)
SELECT 'bench.budget.b' || lpad((a * 50)::text, 5, '0'), t_end - interval '90 days', t_end - interval '89 days'
FROM bench_clock, generate_series(1, 200) AS a;
INSERT INTO account_gone (account_id, gone_at)
SELECT 'bench.budget.b' || lpad((a * 500)::text, 5, '0'), t_end - interval '1 day'
FROM bench_clock, generate_series(1, 20) AS a;

COMMIT;

CREATE INDEX balance_run_spans ON balance_run USING gist (history_seconds(first_seen_at, last_seen_at));

VACUUM ANALYZE poll_run;
VACUUM ANALYZE poll_source_result;
VACUUM ANALYZE account;
VACUUM ANALYZE latest_balance;
VACUUM ANALYZE balance_run;

SELECT (SELECT count(*) FROM account) AS accounts,
       (SELECT count(*) FROM balance_run) AS closed_runs,
       (SELECT count(*) FROM latest_balance) AS latest,
       (SELECT count(*) FROM poll_source_result) AS polls,
       pg_size_pretty(pg_total_relation_size('balance_run_2026_06')) AS one_month_of_runs;
