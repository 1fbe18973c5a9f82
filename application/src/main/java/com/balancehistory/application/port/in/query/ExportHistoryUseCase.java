package com.balancehistory.application.port.in.query;

import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.domain.account.Label;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/** Exports current balances and recorded snapshots as cursors, so callers can stream them row by row. */
public interface ExportHistoryUseCase {

    /** The most months one month-end export may span. */
    int MAX_MONTHS = 36;

    default RowCursor<BalanceView> currentBalances() {
        return currentBalances(List.of());
    }

    /** The current balances of the accounts that have every one of {@code labels} now. */
    RowCursor<BalanceView> currentBalances(List<Label> labels);

    /**
     * Every account's balance as last observed at or before {@code asOf}, ordered by account id: the accounts that had
     * every one of {@code labels} then; accounts first seen later are left out, gone ones marked.
     */
    RowCursor<BalanceView> balancesAsOf(Instant asOf, List<Label> labels);

    /**
     * Every account's balance at the end of each month from {@code from} to {@code to} (both included, at most 36) in
     * {@code zone}, ordered by month, then account id.
     *
     * @throws InvalidQueryException when {@code to} is before {@code from} or the range is longer than 36 months
     */
    RowCursor<MonthEndBalance> monthEnds(YearMonth from, YearMonth to, ZoneId zone, List<Label> labels);

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
