package com.balancehistory.application.port.in.report;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Stored reports: the list, one report, and the same report rebuilt from the snapshots at its as-of time. */
public interface QueryReportsUseCase {

    List<ReportSummary> list(ReportFilter filter);

    Optional<StoredReport> find(long id);

    /** The stored report's content computed again from the snapshots at its as-of time, for comparison. */
    Optional<AllocationReport> rebuild(long id);

    /** The allocation report computed now, not stored. */
    default AllocationReport live() {
        return live(Optional.empty());
    }

    /** The allocation report computed now, with a per-label section grouped by {@code groupBy} when given. */
    default AllocationReport live(Optional<String> groupBy) {
        return live(groupBy, Optional.empty());
    }

    /** As above, with the totals converted into {@code convertTo} (the rates in force now) when given. */
    AllocationReport live(Optional<String> groupBy, Optional<Currency> convertTo);
}
