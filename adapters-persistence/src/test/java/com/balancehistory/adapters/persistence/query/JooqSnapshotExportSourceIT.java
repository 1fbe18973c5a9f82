package com.balancehistory.adapters.persistence.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.application.testing.Fixtures;
import com.balancehistory.domain.account.BalanceObservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JooqSnapshotExportSourceIT {

    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    private final QueryTestData data = new QueryTestData();
    private final JooqSnapshotExportSource export = new JooqSnapshotExportSource(QueryTestData.DSL_CONTEXT);

    @Test
    void streams_every_snapshot_of_a_range_in_account_and_time_order_through_more_than_one_fetch() {
        String source = QueryTestData.uniqueSource();
        int accounts = 1_200; // more than one fetch of FETCH_SIZE rows
        BalanceObservation[] first = new BalanceObservation[accounts];
        for (int i = 0; i < accounts; i++) {
            first[i] = Fixtures.balance(source, "a" + String.format("%04d", i), i + ".50", "USD");
        }
        data.record(T0, Fixtures.fetched(source, first));
        data.recordBalance(T0.plusSeconds(60), source, "a0000", "7.25", "USD");

        List<SnapshotRow> rows = new ArrayList<>();
        try (RowCursor<SnapshotRow> cursor = export.snapshots(T0, T0.plusSeconds(61))) {
            cursor.forEachRemaining(row -> {
                if (row.account().source().equals(source)) {
                    rows.add(row);
                }
            });
        }

        assertThat(rows).hasSize(accounts + 1);
        assertThat(rows.get(0).account().externalId()).isEqualTo("a0000");
        assertThat(rows.get(0).balances().available().toPlainString()).isEqualTo("0.50");
        assertThat(rows.get(1).account().externalId()).isEqualTo("a0000");
        assertThat(rows.get(1).balances().available().toPlainString()).isEqualTo("7.25");
        assertThat(rows.get(1).observedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(rows.get(accounts).account().externalId()).isEqualTo("a1199");
    }

    @Test
    void a_cursor_closed_early_releases_its_connection_so_many_can_be_opened_in_turn() {
        String source = QueryTestData.uniqueSource();
        data.recordBalance(T0, source, "x", "1.00", "EUR");
        data.recordBalance(T0, source, "y", "2.00", "EUR");

        for (int i = 0; i < 50; i++) {
            try (RowCursor<LatestBalance> cursor = export.latestBalances()) {
                assertThat(cursor.hasNext()).isTrue();
                cursor.next();
            }
        }
        List<String> ids = new ArrayList<>();
        try (RowCursor<LatestBalance> cursor = export.latestBalances()) {
            cursor.forEachRemaining(row -> ids.add(row.account().id().value()));
        }
        assertThat(ids).contains(source + ".budget.x", source + ".budget.y");
        assertThat(ids).isSorted();
    }
}
