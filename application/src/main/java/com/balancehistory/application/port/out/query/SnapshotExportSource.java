package com.balancehistory.application.port.out.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import java.time.Instant;

/** Streams history out of the store row by row, without holding it in memory. */
public interface SnapshotExportSource {

    /** Every account's latest balances, ordered by account id. */
    RowCursor<LatestBalance> latestBalances();

    /** Every snapshot observed in {@code [from, to)}, ordered by observation time and account id. */
    RowCursor<SnapshotRow> snapshots(Instant from, Instant to);
}
