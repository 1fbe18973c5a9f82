package com.balancehistory.application.port.out.report;

import com.balancehistory.application.model.alert.AlertEvent;
import com.balancehistory.application.model.report.AllocationReport;
import com.balancehistory.application.model.report.ReportSummary;
import java.util.Optional;

/** The formats of reports and alert notifications: JSON (stored and sent), CSV and HTML. */
public interface ReportRenderer {

    String json(AllocationReport report);

    AllocationReport parseJson(String json);

    String csv(AllocationReport report);

    /** A readable page; the summary is empty for a live report that is not stored. */
    String html(Optional<ReportSummary> summary, AllocationReport report);

    /** The JSON body of an alert notification. */
    String alertJson(AlertEvent event);
}
