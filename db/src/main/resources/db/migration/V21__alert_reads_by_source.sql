-- Alerts are evaluated one source at a time, in ranges of its accounts in id order: the states of one source, and the
-- ends of those ranges, are found through an index instead of a scan of every alert state or a sort of every account.
CREATE INDEX alert_state_by_source ON alert_state (source);
CREATE INDEX account_by_source_and_id ON account (source, id);
-- GET /api/v1/alerts and the active-alert counts read the few active states, not every alert that ever fired.
CREATE INDEX alert_state_active ON alert_state (kind, subject) WHERE active;
