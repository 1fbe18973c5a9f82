package com.balancehistory.adapters.persistence;

import com.balancehistory.application.port.out.maintenance.PartitionMaintenance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * Keeps the monthly snapshot partitions: creates them ahead of time, and (only when a retention is configured)
 * drops whole raw partitions older than the retention. Daily rollups are never dropped. Provider bodies have daily
 * partitions and a retention of their own ({@link #dropRawResponsesOlderThan}).
 */
public final class JooqPartitionMaintenance implements PartitionMaintenance {

    private static final Pattern PARTITION = Pattern.compile(
            "(balance_run|balance_late_snapshot|card_limit_run|card_limit_late_snapshot)" + "_(\\d{4})_(\\d{2})");
    private static final Pattern RAW_PARTITION = Pattern.compile("(raw_body|raw_receipt)_(\\d{4})_(\\d{2})_(\\d{2})");
    /** Days of provider-body partitions created ahead, so the first poll after midnight finds its day. */
    private static final int RAW_DAYS_AHEAD = 2;

    private final DSLContext dsl;
    private final JooqDailyRollup rollup;

    public JooqPartitionMaintenance(DSLContext dsl, JooqDailyRollup rollup) {
        this.dsl = dsl;
        this.rollup = rollup;
    }

    /** Creates the partitions of the current month and the {@code monthsAhead} following ones. */
    @Override
    public void createAhead(Instant now, int monthsAhead) {
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        for (int m = 0; m <= monthsAhead; m++) {
            dsl.execute(
                    "SELECT ensure_snapshot_partitions(?::date)",
                    current.plusMonths(m).atDay(1).toString());
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        for (int d = 0; d <= RAW_DAYS_AHEAD; d++) {
            dsl.execute(
                    "SELECT ensure_raw_partitions(?::date)", today.plusDays(d).toString());
        }
    }

    /**
     * Drops the provider-body partitions (bodies and receipts) of every UTC day that ended more than
     * {@code retention} before now. The history never reads them, so nothing else changes.
     *
     * @return the names of the dropped partitions
     */
    @Override
    public List<String> dropRawResponsesOlderThan(Instant now, Duration retention) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException(
                    "balance-history.retention.raw-responses must keep at least 1 day, got " + retention);
        }
        LocalDate oldestKept = now.minus(retention).atOffset(ZoneOffset.UTC).toLocalDate();
        List<String> dropped = new ArrayList<>();
        for (String partition : partitionsOf("raw_body", "raw_receipt")) {
            Matcher m = RAW_PARTITION.matcher(partition);
            if (m.matches()
                    && LocalDate.of(
                                    Integer.parseInt(m.group(2)),
                                    Integer.parseInt(m.group(3)),
                                    Integer.parseInt(m.group(4)))
                            .isBefore(oldestKept)) {
                dsl.execute("ALTER TABLE " + m.group(1) + " DETACH PARTITION " + partition);
                dsl.execute("DROP TABLE " + partition);
                dropped.add(partition);
            }
        }
        return dropped;
    }

    /** Names of the existing daily provider-body partitions, oldest first. */
    public List<String> rawResponsePartitions() {
        return partitionsOf("raw_body", "raw_receipt");
    }

    /**
     * Drops history partitions (closed runs by the month of their last sighting, late per-poll rows, card limits)
     * whose whole month lies more than {@code keepMonths} months before now. A run still going on, or reaching into
     * a kept month, is kept whole.
     *
     * @return the names of the dropped partitions
     */
    @Override
    public List<String> dropOlderThan(Instant now, int keepMonths) {
        if (keepMonths < 1) {
            throw new IllegalArgumentException("retention must keep at least 1 month, got " + keepMonths);
        }
        // completed days must be in daily_balance before their raw rows go
        rollup.rollUpCompletedDays(now);
        YearMonth oldestKept = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(keepMonths);
        List<String> dropped = new ArrayList<>();
        for (String partition : partitions()) {
            Matcher m = PARTITION.matcher(partition);
            if (m.matches()
                    && YearMonth.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                            .isBefore(oldestKept)) {
                dsl.execute("ALTER TABLE " + m.group(1) + " DETACH PARTITION " + partition);
                dsl.execute("DROP TABLE " + partition);
                dropped.add(partition);
            }
        }
        return dropped;
    }

    /** Names of the existing monthly partitions, oldest first. */
    public List<String> partitions() {
        return partitionsOf("balance_run", "balance_late_snapshot", "card_limit_run", "card_limit_late_snapshot");
    }

    private List<String> partitionsOf(String... parents) {
        return dsl.fetch("""
                SELECT c.relname FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
                WHERE p.relname = ANY (?::text[])
                ORDER BY c.relname
                """, (Object) parents).getValues(0, String.class);
    }
}
