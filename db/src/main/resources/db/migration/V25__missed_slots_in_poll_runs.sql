-- Scheduled slots that passed while the database was unavailable are recorded, once it is back, as skipped polls of
-- their own (error 'database unavailable: ...'): the analysts' view says what skipped covers now.
/* [jooq ignore start] */
COMMENT ON COLUMN analytics.poll_runs.outcome IS 'ok, partial (some accounts failed), failed, rate_limited, skipped (not called: circuit breaker open, the source still being fetched, or a scheduled slot that passed while the database was unavailable, recorded once it was back); running while the run is unfinished, interrupted when its instance stopped mid-run, none when the run recorded no source.';
COMMENT ON COLUMN poll_source_result.outcome IS 'ok, partial, failed, rate_limited, or skipped (not called: circuit breaker open, still being fetched, or a slot missed in a database outage).';
/* [jooq ignore stop] */
