-- Operating the service: retried requests that return the first one's result, and poll runs that a crashed instance
-- left unfinished.

-- POST /api/v1/polls and POST /api/v1/reports with an Idempotency-Key header: the first request's resource, kept for
-- 24 hours. The key is stored as its SHA-256 (clients may put anything in it).
CREATE TABLE idempotency_key (
    scope       VARCHAR(40) NOT NULL,
    key_sha256  VARCHAR(64) NOT NULL,
    resource_id BIGINT,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, key_sha256)
);
COMMENT ON TABLE idempotency_key IS 'Idempotency-Key of a POST and the id of what the first request made (NULL while it runs); kept 24 hours.';

-- Who runs an unfinished poll run and when it last said it is alive: a run whose instance stopped saying so (kill -9,
-- a lost host) is closed as interrupted by any instance.
ALTER TABLE poll_run ADD COLUMN run_by VARCHAR(200);
ALTER TABLE poll_run ADD COLUMN alive_at TIMESTAMPTZ;
ALTER TABLE poll_run ADD COLUMN interrupted BOOLEAN NOT NULL DEFAULT false;
COMMENT ON COLUMN poll_run.run_by IS 'Instance (instance-id/pid) that runs or ran the poll.';
COMMENT ON COLUMN poll_run.alive_at IS 'Last heartbeat of that instance while the run was unfinished.';
COMMENT ON COLUMN poll_run.interrupted IS 'True when the run was closed because its instance stopped mid-run.';

-- the analysts' view says interrupted for the sources such a run never finished
/* [jooq ignore start] */
CREATE OR REPLACE VIEW analytics.poll_runs AS
SELECT p.id           AS poll_id,
       p.trigger,
       p.requested_source,
       p.started_at,
       p.finished_at,
       r.source,
       r.provider,
       COALESCE(r.outcome, CASE WHEN p.interrupted THEN 'interrupted'
                                WHEN p.finished_at IS NULL THEN 'running' ELSE 'none' END) AS outcome,
       r.error_text,
       COALESCE(r.accounts_seen, 0) AS accounts_seen,
       COALESCE(r.rows_written, 0)  AS rows_written,
       r.started_at  AS source_started_at,
       r.finished_at AS source_finished_at
FROM poll_run p
LEFT JOIN poll_source_result r ON r.poll_id = p.id;
COMMENT ON COLUMN analytics.poll_runs.outcome IS 'ok, partial (some accounts failed), failed, rate_limited, skipped (circuit breaker open); running while the run is unfinished, interrupted when its instance stopped mid-run, none when the run recorded no source.';
COMMENT ON COLUMN analytics.poll_runs.finished_at IS 'When the run finished; NULL while running. A run whose instance stopped mid-run is closed with interrupted outcome at the time another instance noticed.';
/* [jooq ignore stop] */
