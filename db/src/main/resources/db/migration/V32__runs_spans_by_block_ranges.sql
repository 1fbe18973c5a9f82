-- The GiST index of the seconds a run spans (V15, V29) was a third of what a closed run costs on disk: grown poll by
-- poll, its pages split half full, about 83 bytes a run. Runs are written in the order they close, so the runs of a
-- few adjacent heap pages closed within minutes of each other, and their first sightings are close too except for
-- the few long runs among them. A block range index of the first and the last sighting, a summary per 8 heap pages,
-- finds the runs spanning an instant or overlapping a range as the GiST did (the pages whose runs began by then and
-- ended since), a superset that the readers already recheck against first_seen_at and last_seen_at, for well under
-- a byte a run. Its readers (balances as of a time, analytics.daily_balances' open day) already state both
-- conditions, so their answers are unchanged; history_seconds stays for them to write as before.
/* [jooq ignore start] */
DROP INDEX balance_run_spans;
CREATE INDEX balance_run_spans ON balance_run USING brin (first_seen_at, last_seen_at)
    WITH (pages_per_range = 8, autosummarize = on);
COMMENT ON INDEX balance_run_spans IS 'Runs by the first and last sighting of the runs in each 8 heap pages (written in the order they close): the pages that may hold a run spanning an instant or overlapping a range, rechecked against first_seen_at and last_seen_at.';
/* [jooq ignore stop] */
