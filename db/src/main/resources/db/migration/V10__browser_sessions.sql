-- Browser sessions of the dashboard, kept in the database so every instance behind one load balancer accepts them
-- and a restart keeps them. The session id itself is never stored: only its SHA-256, so a copy of this table cannot
-- be replayed as a cookie. The API key is not stored either, only the key's name and role.
CREATE TABLE browser_session (
    id_sha256    VARCHAR(64)  PRIMARY KEY,
    key_name     VARCHAR(200) NOT NULL,
    role         VARCHAR(16)  NOT NULL CHECK (role IN ('reader', 'admin')),
    csrf_token   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
-- expired sessions are swept by time
CREATE INDEX browser_session_by_expiry ON browser_session (expires_at);

COMMENT ON TABLE browser_session IS 'Signed-in dashboard browsers: one row per session, deleted at logout or expiry.';
COMMENT ON COLUMN browser_session.id_sha256 IS 'Hex SHA-256 of the session cookie value (the value itself is never stored).';
COMMENT ON COLUMN browser_session.key_name IS 'Name of the API key the session was started with (never the key).';
COMMENT ON COLUMN browser_session.role IS 'reader or admin, copied from the key at sign-in.';
COMMENT ON COLUMN browser_session.csrf_token IS 'Token every state-changing request of this session must carry.';
COMMENT ON COLUMN browser_session.created_at IS 'Sign-in time.';
COMMENT ON COLUMN browser_session.last_seen_at IS 'Last request of the session, for the idle timeout (written at most once a minute).';
COMMENT ON COLUMN browser_session.expires_at IS 'End of the absolute lifetime: sign-in time plus the configured maximum.';
