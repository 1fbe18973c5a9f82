package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.domain.account.Label;
import java.time.Instant;
import java.util.List;

/** Streams history out of the store row by row, without holding it in memory. */
public interface SnapshotExportSource {

    /** Every account's latest balances, ordered by account id. */
    default RowCursor<LatestBalance> latestBalances() {
        return latestBalances(List.of());
    }

    /** The latest balances of the accounts that have every one of {@code labels} now, with their labels. */
    RowCursor<LatestBalance> latestBalances(List<Label> labels);

    /** Every snapshot observed in {@code [from, to)}, ordered by observation time and account id. */
    default RowCursor<SnapshotRow> snapshots(Instant from, Instant to) {
        return snapshots(from, to, List.of());
    }

    /** The snapshots in {@code [from, to)} of accounts that had every one of {@code labels} when observed. */
    RowCursor<SnapshotRow> snapshots(Instant from, Instant to, List<Label> labels);
}
