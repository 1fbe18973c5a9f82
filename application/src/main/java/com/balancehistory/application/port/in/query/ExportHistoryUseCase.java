package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.domain.account.Label;
import java.time.Instant;
import java.util.List;

/** Exports current balances and recorded snapshots as cursors, so callers can stream them row by row. */
public interface ExportHistoryUseCase {

    default RowCursor<BalanceView> currentBalances() {
        return currentBalances(List.of());
    }

    /** The current balances of the accounts that have every one of {@code labels} now. */
    RowCursor<BalanceView> currentBalances(List<Label> labels);

    /** @throws InvalidQueryException when {@code from} is not before {@code to} */
    default RowCursor<SnapshotRow> snapshots(Instant from, Instant to) {
        return snapshots(from, to, List.of());
    }

    /**
     * The snapshots in {@code [from, to)} of the accounts that had every one of {@code labels} when observed.
     *
     * @throws InvalidQueryException when {@code from} is not before {@code to}
     */
    RowCursor<SnapshotRow> snapshots(Instant from, Instant to, List<Label> labels);
}
