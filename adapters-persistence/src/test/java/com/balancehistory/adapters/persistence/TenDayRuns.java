package com.balancehistory.adapters.persistence;

import java.util.List;
import org.jooq.DSLContext;

/**
 * One budget's history from January to April 2024, written as the store writes runs: a sighting of its source every 6
 * hours and a run of ten days after another (eleven closed runs, the first from 2024-01-01, the third from 2024-01-21
 * to 2024-01-30 18:00, each 1 lower than the one before from 100), for tests of which runs a read reaches.
 */
public final class TenDayRuns {

    private TenDayRuns() {}

    public static void write(DSLContext dsl, String source, String account) {
        for (String month : List.of("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01")) {
            dsl.execute("SELECT ensure_snapshot_partitions(?::date)", month);
        }
        dsl.execute("""
                INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)
                VALUES (?, ?, 'ahrvo', 'budget', 'b1', 'Budget 1', 'USD', '2024-01-01T00:00:00Z')
                """, account, source);
        dsl.execute("""
                WITH polls AS (
                    INSERT INTO poll_run (trigger, started_at, finished_at)
                    SELECT 'schedule', t, t
                    FROM generate_series(TIMESTAMPTZ '2024-01-01 00:00Z', TIMESTAMPTZ '2024-04-20 18:00Z',
                                         INTERVAL '6 hours') t
                    RETURNING id, finished_at)
                INSERT INTO poll_source_result (poll_id, source, provider, outcome, accounts_seen, rows_written,
                                                started_at, finished_at, balances_recorded)
                SELECT id, ?, 'ahrvo', 'ok', 1, 1, finished_at, finished_at, TRUE FROM polls
                """, source);
        dsl.execute("""
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT a.account_key, TIMESTAMPTZ '2024-01-01 00:00Z' + j * INTERVAL '10 days',
                       TIMESTAMPTZ '2024-01-01 00:00Z' + (j + 1) * INTERVAL '10 days' - INTERVAL '6 hours',
                       'USD', 100 - j
                FROM account a, generate_series(0, 10) j
                WHERE a.id = ?
                """, account);
    }
}
