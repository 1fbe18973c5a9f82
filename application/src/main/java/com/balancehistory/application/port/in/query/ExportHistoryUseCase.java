package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import java.time.Instant;

/** Exports current balances and recorded snapshots as cursors, so callers can stream them row by row. */
public interface ExportHistoryUseCase {

    RowCursor<BalanceView> currentBalances();

    /** @throws InvalidQueryException when {@code from} is not before {@code to} */
    RowCursor<SnapshotRow> snapshots(Instant from, Instant to);
}
