-- Completed days are rolled up day after day, so one account's days lie one to a heap page: a year of one account's
-- daily history read about 360 pages. The key (account_id, day) now carries the day's values as well (INCLUDE), so
-- that read is an index-only scan of a few adjacent leaf pages. The key columns, and so the rollup's
-- ON CONFLICT (account_id, day), are unchanged; only the key's index grows by the included values.

/* [jooq ignore start] */
ALTER TABLE daily_balance DROP CONSTRAINT daily_balance_pkey;
ALTER TABLE daily_balance ADD CONSTRAINT daily_balance_pkey PRIMARY KEY (account_id, day)
    INCLUDE (currency, open_available, close_available, min_available, max_available, samples);
COMMENT ON INDEX daily_balance_pkey IS 'The rollup''s key, carrying the day''s values: one account''s days read by an index-only scan.';
/* [jooq ignore stop] */
