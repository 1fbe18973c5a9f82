package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.port.in.report.StoredReport;
import com.balancehistory.application.port.out.report.ReportRenderer;
import java.util.Map;
import java.util.Optional;

/** What a report's delivery carries: its JSON, and for a directory the JSON, CSV and HTML files named after it. */
final class ReportPayloads {

    private ReportPayloads() {}

    static DeliveryPayload of(StoredReport report, ReportRenderer renderer) {
        String base = "report-" + report.summary().type() + "-" + report.id();
        return new DeliveryPayload(
                "report",
                report.id(),
                report.contentJson(),
                Map.of(
                        base + ".json", report.contentJson(),
                        base + ".csv", renderer.csv(report.content()),
                        base + ".html", renderer.html(Optional.of(report.summary()), report.content())));
    }
}
