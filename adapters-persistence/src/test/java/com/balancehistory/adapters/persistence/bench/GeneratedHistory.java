package com.balancehistory.adapters.persistence.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A history generated in SQL at scale in the compact form, exactly as the store would record these polls: source
 * {@code bench} polled every 5 minutes from {@link #FIRST_POLL}, one failed poll a day (no sighting), each account
 * changing once in 100 polls at a poll of its own ({@link #runStart}); one account in ten is not returned after the
 * first poll of its last value. Written as the store writes it: closed runs in the order they close, open runs in
 * the latest rows, the poll ledger as sightings. {@link #available} says what each poll returned, so a slice can be
 * recorded through the real store and compared ({@code GeneratedHistoryMatchesRecordingIT}). Completed days are
 * written to {@code daily_balance} as the rollup leaves them (values of their own, not derived from the runs), the
 * last day is left pending as the current day is.
 */
public final class GeneratedHistory {

    public static final String SOURCE = "bench";
    public static final int POLLS_PER_DAY = 288;
    public static final LocalDate FIRST_DAY = LocalDate.parse("2025-11-01");
    public static final Instant FIRST_POLL =
            FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    /** The poll of each day that failed: the 101st. */
    static final int FAILED_POLL_OF_DAY = 100;

    private GeneratedHistory() {}

    /** Whether poll {@code k} (counted from 0) failed. */
    public static boolean failed(int k) {
        return k % POLLS_PER_DAY == FAILED_POLL_OF_DAY;
    }

    public static Instant pollTime(int k) {
        return FIRST_POLL.plus(Duration.ofMinutes(5L * k));
    }

    public static String accountId(int a) {
        return SOURCE + ".budget.b" + a;
    }

    public static String currency(int a) {
        return new String[] {"USD", "EUR", "GBP"}[a % 3];
    }

    /** The poll at which account {@code a}'s value number {@code j} is first offered (a failed poll offers nothing). */
    public static int runStart(int a, int j) {
        return j == 0 ? 0 : j * 100 + (a * 37 + j * 13) % 100;
    }

    /**
     * What successful poll {@code k} of {@code polls} returned for account {@code a}: its value number {@code j}
     * from {@link #runStart}{@code (a, j)}; nothing for an account {@code a % 10 == 0} after the first successful
     * poll of its last value (unless that poll is the last one).
     */
    public static Optional<BigDecimal> available(int a, int k, int polls) {
        int last = polls / 100 - 1;
        int j = Math.min(k / 100, last);
        while (j > 0 && runStart(a, j) > k) {
            j--;
        }
        if (j == last
                && a % 10 == 0
                && k > firstSighting(runStart(a, j))
                && firstSighting(runStart(a, j)) < polls - 1) {
            return Optional.empty();
        }
        return Optional.of(value(a, j));
    }

    private static BigDecimal value(int a, int j) {
        return BigDecimal.valueOf(100_000L - j * 7L + a % 1000).setScale(2);
    }

    private static int firstSighting(int k) {
        return failed(k) ? k + 1 : k;
    }

    /** Writes {@code accounts} accounts' {@code days} days of history into an empty migrated database. */
    public static void generate(DSLContext dsl, int accounts, int days) {
        int polls = days * POLLS_PER_DAY;
        int months = (int) FIRST_DAY.until(FIRST_DAY.plusDays(days)).toTotalMonths();
        for (int month = 0; month <= months + 1; month++) {
            dsl.execute(
                    "SELECT ensure_snapshot_partitions(?::date)",
                    FIRST_DAY.plusMonths(month).toString());
        }
        dsl.execute("""
                INSERT INTO account (id, source, provider, kind, external_id, name, currency, first_seen_at)
                SELECT 'bench.budget.b' || a, 'bench', 'ahrvo', 'budget', 'b' || a, 'Budget ' || a,
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], ?::timestamptz
                FROM generate_series(1, ?) a
                """, FIRST_POLL.toString(), accounts);
        // poll k every 5 minutes (poll id k + 1); one a day failed: no sighting
        dsl.execute("""
                INSERT INTO poll_run (id, trigger, started_at, finished_at) OVERRIDING SYSTEM VALUE
                SELECT k + 1, 'schedule', ?::timestamptz + k * INTERVAL '5 minutes',
                       ?::timestamptz + k * INTERVAL '5 minutes'
                FROM generate_series(0, ? - 1) k
                """, FIRST_POLL.toString(), FIRST_POLL.toString(), polls);
        dsl.execute("SELECT setval(pg_get_serial_sequence('poll_run', 'id'), ?)", polls);
        dsl.execute("""
                INSERT INTO poll_source_result (poll_id, source, provider, outcome, accounts_seen, rows_written,
                                                started_at, finished_at, balances_recorded)
                SELECT id, 'bench', 'ahrvo', CASE WHEN (id - 1) % ? = ? THEN 'failed' ELSE 'ok' END, ?, ?,
                       started_at, finished_at, (id - 1) % ? <> ?
                FROM poll_run
                """, POLLS_PER_DAY, FAILED_POLL_OF_DAY, accounts, accounts, POLLS_PER_DAY, FAILED_POLL_OF_DAY);
        // value j of account a is offered from poll start(j) to start(j + 1) - 1; its run spans the sightings among
        // them (a value offered only by a failed poll has none, and no run); the closed runs are written in the
        // order they close, as the store writes them, which is what the block range index of their spans needs.
        // An account a % 10 = 0 is returned only by the first sighting of its last value: that run is closed there.
        dsl.execute(
                """
                WITH value AS (
                    SELECT a, j, r.first_poll + CASE WHEN r.first_poll % ? = ? THEN 1 ELSE 0 END AS first_sighting,
                           CASE WHEN j = ? / 100 - 1 THEN NULL
                                ELSE r.next_poll - 1 - CASE WHEN (r.next_poll - 1) % ? = ? THEN 1 ELSE 0 END
                           END AS last_sighting
                    FROM generate_series(1, ?) a, generate_series(0, ? / 100 - 1) j,
                         LATERAL (SELECT CASE WHEN j = 0 THEN 0 ELSE j * 100 + (a * 37 + j * 13) % 100 END AS first_poll,
                                         (j + 1) * 100 + (a * 37 + (j + 1) * 13) % 100 AS next_poll) r
                )
                INSERT INTO balance_run (account_key, first_seen_at, last_seen_at, currency, available)
                SELECT a, ?::timestamptz + first_sighting * INTERVAL '5 minutes',
                       ?::timestamptz + coalesce(last_sighting, first_sighting) * INTERVAL '5 minutes',
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], round((100000 - j * 7 + a % 1000)::numeric, 2)
                FROM value
                WHERE (last_sighting IS NOT NULL AND first_sighting <= last_sighting)
                   OR (last_sighting IS NULL AND a % 10 = 0 AND first_sighting < ? - 1)
                ORDER BY coalesce(last_sighting, first_sighting), a
                """,
                POLLS_PER_DAY,
                FAILED_POLL_OF_DAY,
                polls,
                POLLS_PER_DAY,
                FAILED_POLL_OF_DAY,
                accounts,
                polls,
                FIRST_POLL.toString(),
                FIRST_POLL.toString(),
                polls);
        // the latest rows: the last value's first sighting; it follows the newest poll unless the account vanished
        dsl.execute("""
                INSERT INTO latest_balance (account_id, poll_id, observed_at, currency, available,
                                            follows_source_poll)
                SELECT 'bench.budget.b' || a, s.first_sighting + 1,
                       ?::timestamptz + s.first_sighting * INTERVAL '5 minutes',
                       (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3], round((100000 - last.j * 7 + a % 1000)::numeric, 2),
                       NOT (a % 10 = 0 AND s.first_sighting < ? - 1)
                FROM generate_series(1, ?) a, LATERAL (SELECT ? / 100 - 1 AS j) last,
                     LATERAL (SELECT last.j * 100 + (a * 37 + last.j * 13) % 100 AS first_poll) r,
                     LATERAL (SELECT r.first_poll + CASE WHEN r.first_poll % ? = ? THEN 1 ELSE 0 END
                                  AS first_sighting) s
                """, FIRST_POLL.toString(), polls, accounts, polls, POLLS_PER_DAY, FAILED_POLL_OF_DAY);
        dsl.execute("""
                INSERT INTO source_balance_poll (source, poll_id, observed_at)
                SELECT 'bench', max(poll_id), max(finished_at) FROM poll_source_result WHERE balances_recorded
                """);
        // completed days as the rollup leaves them, day after day (rolling up a year through the generated rows
        // takes too long for a benchmark's set-up; JooqDailyRollup is exercised by the tests); the last day is
        // not rolled up yet, as the current day never is, so the daily view computes it from the runs
        dsl.execute("""
                INSERT INTO daily_balance (account_key, day, currency, open_available, close_available, min_available,
                                           max_available, samples, first_observed_at, last_observed_at)
                SELECT a, ?::date + d, (ARRAY['USD', 'EUR', 'GBP'])[1 + a % 3],
                       100000 - d * 20, 100000 - d * 20 - 14, 100000 - d * 20 - 14, 100000 - d * 20, 287,
                       ?::timestamptz + d * INTERVAL '1 day', ?::timestamptz + (d + 1) * INTERVAL '1 day'
                                                                             - INTERVAL '5 minutes'
                FROM generate_series(0, ? - 2) d, generate_series(1, ?) a
                ORDER BY d, a
                """, FIRST_DAY.toString(), FIRST_POLL.toString(), FIRST_POLL.toString(), days, accounts);
        dsl.execute(
                "INSERT INTO daily_rollup_pending (day, marked_at) VALUES (?::date, now())",
                FIRST_DAY.plusDays(days - 1).toString());
    }
}
