-- The instances that schedule polls. Each beats at every scheduler tick (by the database clock) naming the sources it
-- is configured with; the instances seen recently share each source out by rendezvous hashing, so sources spread
-- over the live instances and stay put while the set of instances does not change. A graceful stop deletes its row.
CREATE TABLE scheduler_instance (
    instance     VARCHAR(200)  PRIMARY KEY,
    last_seen_at TIMESTAMPTZ   NOT NULL,
    sources      VARCHAR(80)[] NOT NULL
);
COMMENT ON TABLE scheduler_instance IS 'Instances that schedule polls, with their last heartbeat; the live ones share the sources out.';
COMMENT ON COLUMN scheduler_instance.instance IS 'Instance (instance-id/pid), as in source_schedule.last_claimed_by and poll_run.run_by.';
COMMENT ON COLUMN scheduler_instance.last_seen_at IS 'Database time of its latest scheduler tick.';
COMMENT ON COLUMN scheduler_instance.sources IS 'The sources it is configured with: a source is shared out only among the instances that have it.';
