package com.balancehistory.application.service.query;

import com.balancehistory.application.model.query.LatestBalance;
import com.balancehistory.application.model.query.RowCursor;
import com.balancehistory.application.model.query.SnapshotRow;
import com.balancehistory.application.port.in.query.BalanceView;
import com.balancehistory.application.port.in.query.ExportHistoryUseCase;
import com.balancehistory.application.port.in.query.InvalidQueryException;
import com.balancehistory.application.port.in.query.MonthEndBalance;
import com.balancehistory.application.port.out.query.AsOfBalanceReadModel;
import com.balancehistory.application.port.out.query.SnapshotExportSource;
import com.balancehistory.application.port.out.query.StaleCutoffs;
import com.balancehistory.domain.account.Label;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Hands out export cursors; the caller streams and closes them. */
public final class ExportHistoryService implements ExportHistoryUseCase {

    private final SnapshotExportSource source;
    private final AsOfBalanceReadModel asOf;
    private final QuerySettings settings;
    private final Clock clock;

    public ExportHistoryService(
            SnapshotExportSource source, AsOfBalanceReadModel asOf, QuerySettings settings, Clock clock) {
        this.source = source;
        this.asOf = asOf;
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
    public RowCursor<BalanceView> balancesAsOf(Instant at, List<Label> labels) {
        StaleCutoffs cutoffs = AsOfViews.cutoffsAt(at, settings, asOf);
        return map(asOf.streamBalancesAsOf(List.of(at), labels), row -> AsOfViews.view(row, cutoffs));
    }

    @Override
    public RowCursor<MonthEndBalance> monthEnds(YearMonth from, YearMonth to, ZoneId zone, List<Label> labels) {
        if (to.isBefore(from)) {
            throw new InvalidQueryException("to", "to (" + to + ") must not be before from (" + from + ")");
        }
        long months = ChronoUnit.MONTHS.between(from, to) + 1;
        if (months > MAX_MONTHS) {
            throw new InvalidQueryException(
                    "to", "from " + from + " to " + to + " spans " + months + " months; at most " + MAX_MONTHS);
        }
        Map<Instant, YearMonth> monthOf = new HashMap<>();
        Map<Instant, StaleCutoffs> cutoffs = new HashMap<>();
        List<Instant> times = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            Instant end = endOf(month, zone);
            times.add(end);
            monthOf.put(end, month);
            cutoffs.put(end, AsOfViews.cutoffsAt(end, settings, asOf));
        }
        return map(
                asOf.streamBalancesAsOf(times, labels),
                row -> new MonthEndBalance(monthOf.get(row.asOf()), AsOfViews.view(row, cutoffs.get(row.asOf()))));
    }

    /**
     * The last instant of the month in the zone: one microsecond (the store's resolution) before the next month
     * starts there, so a month's end follows the zone's daylight-saving rules (Java's, as everywhere here).
     */
    public static Instant endOf(YearMonth month, ZoneId zone) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().minus(1, ChronoUnit.MICROS);
    }

    private static <S, T> RowCursor<T> map(RowCursor<S> rows, Function<S, T> mapper) {
        return new RowCursor<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                return mapper.apply(rows.next());
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
