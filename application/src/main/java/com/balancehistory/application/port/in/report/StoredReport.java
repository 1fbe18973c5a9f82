package com.balancehistory.application.port.in.report;

import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.ReportSummary;
import java.util.Objects;

/** A stored report: its metadata and its content, the JSON stored in the database. */
public record StoredReport(ReportSummary summary, AllocationReport content, String contentJson) {

    public StoredReport {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentJson, "contentJson");
    }

    public long id() {
        return summary.id();
    }
}
