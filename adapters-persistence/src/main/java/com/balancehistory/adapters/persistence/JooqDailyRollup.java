package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.maintenance.DailyRollup;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Rolls completed UTC days up into {@code daily_balance}: open, close, min, max and samples per account. Recording
 * only marks a day as pending; a day is rolled up once it is over, and again if late snapshots (a replay) reach it.
 * Until then {@code analytics.daily_balances} computes it from the runs.
 */
public final class JooqDailyRollup implements DailyRollup {

    /**
     * The day as {@code analytics.daily_balances} computes a day not rolled up yet, from the runs reaching into it
     * (the generated per-sighting rows would join every run of the history with every poll): read while the day is
     * still pending.
     */
    private static final String ROLL_UP_DAY = """
            INSERT INTO daily_balance (account_key, day, currency, open_available, close_available, min_available,
                                       max_available, samples, first_observed_at, last_observed_at)
            SELECT a.account_key, d.day, d.currency, d.open_available, d.close_available, d.min_available,
                   d.max_available, d.samples, d.first_observed_at, d.last_observed_at
            FROM analytics.daily_balances d
            JOIN account a ON a.id = d.account_id
            WHERE d.day = ?::date
            ON CONFLICT (account_key, day) DO UPDATE SET
                currency = EXCLUDED.currency, open_available = EXCLUDED.open_available,
                close_available = EXCLUDED.close_available, min_available = EXCLUDED.min_available,
                max_available = EXCLUDED.max_available, samples = EXCLUDED.samples,
                first_observed_at = EXCLUDED.first_observed_at, last_observed_at = EXCLUDED.last_observed_at
            """;

    private final DSLContext dsl;

    public JooqDailyRollup(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Rolls up every pending day before {@code now}'s UTC day, one transaction per day.
     *
     * @return the days rolled up
     */
    @Override
    public List<LocalDate> rollUpCompletedDays(Instant now) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<LocalDate> pending = dsl.fetch(
                        "SELECT day FROM daily_rollup_pending WHERE day < ?::date ORDER BY day", today.toString())
                .getValues(0, LocalDate.class);
        List<LocalDate> done = new ArrayList<>();
        for (LocalDate day : pending) {
            boolean rolled = dsl.transactionResult(tx -> {
                DSLContext db = DSL.using(tx);
                // the row lock makes a concurrent late writer wait and mark the day again after this commit
                if (db.fetchOptional(
                                "SELECT 1 FROM daily_rollup_pending WHERE day = ?::date FOR UPDATE", day.toString())
                        .isEmpty()) {
                    return false;
                }
                db.execute(ROLL_UP_DAY, day.toString());
                db.execute("DELETE FROM daily_rollup_pending WHERE day = ?::date", day.toString());
                return true;
            });
            if (rolled) {
                done.add(day);
            }
        }
        return done;
    }
}
