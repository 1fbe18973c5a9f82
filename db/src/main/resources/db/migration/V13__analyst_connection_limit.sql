-- The analysts' role may hold at most this many connections at once, so analysts cannot take every connection of the
-- server. The service sets balance-history.analysts.connection-limit (default 5) again at start-up.
/* [jooq ignore start] */
ALTER ROLE balance_analyst CONNECTION LIMIT 5;
/* [jooq ignore stop] */
