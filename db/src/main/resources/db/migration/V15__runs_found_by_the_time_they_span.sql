-- Balances as of a time (the API's asOf, month-end exports, reports and alerts) need, per account, the run that a
-- source's sighting at or before that time saw. The runs' key (account_key, last_seen_at) finds it one account at a
-- time only, through every monthly partition; this index finds the runs spanning one instant for all accounts at
-- once: a stab at the sighting's time returns each account's run there, whatever partition it lies in.
/* [jooq ignore start] */
CREATE INDEX balance_run_spans ON balance_run USING gist (tstzrange(first_seen_at, last_seen_at, '[]'));
COMMENT ON INDEX balance_run_spans IS 'Runs by the time range from their first to their last sighting (both included): the runs spanning an instant, for balances as of a time.';
/* [jooq ignore stop] */
