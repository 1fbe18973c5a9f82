package com.balancehistory.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.poll.PollTrigger;
import com.balancehistory.application.model.poll.SourceOutcome;
import com.balancehistory.application.port.out.SourcePollRecord;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.analytics.ChangeDetector;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

class JooqPartitionMaintenanceIT {

    // a database of its own: dropping partitions must not disturb the other tests' history
    private final DSLContext dsl = org.jooq.impl.DSL.using(dataSourceOfSibling(), org.jooq.SQLDialect.POSTGRES);

    @Test
    void creates_partitions_ahead_and_drops_only_raw_months_past_retention_keeping_daily_rollups() {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        Instant old = Instant.parse("2025-01-15T12:00:00Z");
        long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), old);
        store.recordSource(new SourcePollRecord(
                pollId,
                "old-src",
                "ahrvo",
                SourceOutcome.OK,
                Optional.empty(),
                old,
                old,
                Fixtures.fetched("old-src", Fixtures.balance("old-src", "b1", "7.00", "USD"))));

        JooqPartitionMaintenance maintenance = new JooqPartitionMaintenance(dsl, new JooqDailyRollup(dsl));
        Instant now = Instant.parse("2027-06-10T00:00:00Z");
        maintenance.createAhead(now, 2);
        assertThat(maintenance.partitions())
                .contains(
                        "balance_run_2027_06",
                        "balance_run_2027_08",
                        "card_limit_run_2027_08",
                        "card_limit_late_snapshot_2027_08",
                        "balance_run_2025_01");

        var dropped = maintenance.dropOlderThan(now, 12);

        assertThat(dropped)
                .contains("balance_run_2025_01", "card_limit_run_2025_01", "card_limit_late_snapshot_2025_01")
                .doesNotContain("balance_run_2027_06", "balance_run_2026_06");
        assertThat(maintenance.partitions()).doesNotContain("balance_run_2025_01");
        assertThat(dsl.fetchOne("SELECT count(*) FROM daily_balance d JOIN account a ON a.account_key = d.account_key"
                                + " WHERE a.id = 'old-src.budget.b1'")
                        .get(0, Integer.class))
                .isEqualTo(1);
    }

    @Test
    void provider_bodies_older_than_their_retention_are_dropped_by_whole_days_and_the_history_stays() {
        JooqSnapshotStore store = new JooqSnapshotStore(dsl, ChangeDetector.defaults(), CardLimitTotals.none());
        Instant old = Instant.parse("2026-03-01T23:59:00Z");
        Instant kept = Instant.parse("2026-03-02T00:01:00Z");
        for (Instant at : new Instant[] {old, kept}) {
            long pollId = store.openPollRun(PollTrigger.SCHEDULE, Optional.empty(), at);
            store.recordSource(new SourcePollRecord(
                    pollId,
                    "raw-src",
                    "ahrvo",
                    SourceOutcome.OK,
                    Optional.empty(),
                    at,
                    at,
                    Fixtures.fetched("raw-src", Fixtures.balance("raw-src", "b1", "7.00", "USD"))));
        }
        JooqPartitionMaintenance maintenance = new JooqPartitionMaintenance(dsl, new JooqDailyRollup(dsl));
        Instant now = Instant.parse("2026-05-31T12:00:00Z"); // 90 days after 2026-03-02T12:00Z

        var dropped = maintenance.dropRawResponsesOlderThan(now, Duration.ofDays(90));

        assertThat(dropped)
                .contains("raw_body_2026_03_01", "raw_receipt_2026_03_01")
                .doesNotContain("raw_body_2026_03_02", "raw_receipt_2026_03_02");
        assertThat(maintenance.rawResponsePartitions())
                .doesNotContain("raw_body_2026_03_01")
                .contains("raw_body_2026_03_02");
        assertThat(dsl.fetchOne("SELECT count(*) FROM raw_response WHERE source = 'raw-src'")
                        .get(0, Integer.class))
                .isEqualTo(1);
        assertThat(dsl.fetchOne("SELECT count(*) FROM analytics.snapshots WHERE source = 'raw-src'")
                        .get(0, Integer.class))
                .isEqualTo(2);
        assertThatThrownBy(() -> maintenance.dropRawResponsesOlderThan(now, Duration.ofHours(1)))
                .hasMessageContaining("balance-history.retention.raw-responses");
    }

    private static javax.sql.DataSource dataSourceOfSibling() {
        var sibling = com.balancehistory.db.testing.TestDatabase.get().sibling();
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(sibling.jdbcUrl());
        dataSource.setUser(sibling.user());
        dataSource.setPassword(sibling.password());
        return dataSource;
    }
}
