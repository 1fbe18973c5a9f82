package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.ExportHistoryUseCase;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.out.query.SnapshotExportSource;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.account.Label;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Hands out export cursors; the caller streams and closes them. */
public final class ExportHistoryService implements ExportHistoryUseCase {

    private final SnapshotExportSource source;
    private final QuerySettings settings;
    private final Clock clock;

    public ExportHistoryService(SnapshotExportSource source, QuerySettings settings, Clock clock) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RowCursor<BalanceView> currentBalances(List<Label> labels) {
        StaleCutoffs cutoffs = settings.intervals().cutoffsAt(clock.instant());
        RowCursor<LatestBalance> rows = source.latestBalances(labels);
        return new RowCursor<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public BalanceView next() {
                LatestBalance latest = rows.next();
                return new BalanceView(latest, cutoffs.isStale(latest.account().source(), latest.observedAt()));
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    @Override
    public RowCursor<SnapshotRow> snapshots(Instant from, Instant to, List<Label> labels) {
        if (!from.isBefore(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") must be before to (" + to + ")");
        }
        return source.snapshots(from, to, labels);
    }
}
