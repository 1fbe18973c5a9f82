package com.balancehistory.bootstrap.metrics;

import com.balancehistory.application.model.report.OutboundDelivery;
import com.balancehistory.application.model.report.ReportFilter;
import com.balancehistory.application.model.report.ReportSummary;
import com.balancehistory.application.port.out.report.ReportStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The report store, counting report runs: every run ends by saving its report, or fails trying. */
public final class MeteredReportStore implements ReportStore {

    private final ReportStore store;
    private final ServiceMetrics metrics;

    public MeteredReportStore(ReportStore store, ServiceMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public ReportSummary save(NewReport report, Function<ReportSummary, List<OutboundDelivery>> announce) {
        try {
            ReportSummary saved = store.save(report, announce);
            metrics.reportRun("stored");
            return saved;
        } catch (RuntimeException e) {
            metrics.reportRun("failed");
            throw e;
        }
    }

    @Override
    public Optional<Stored> find(long id) {
        return store.find(id);
    }

    @Override
    public List<ReportSummary> list(ReportFilter filter) {
        return store.list(filter);
    }

    @Override
    public Optional<Stored> latestBefore(String type, Instant asOf) {
        return store.latestBefore(type, asOf);
    }
}
