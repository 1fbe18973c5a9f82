package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.report.ReportSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A stored report's metadata: what it is, as of when, when and why it was made, with which parameters. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ReportSummary")
public record ReportSummaryResponse(
        long id,
        @Schema(example = "allocation") String type,

        @Schema(format = "date-time", description = "the snapshot time the report shows")
        String asOf,

        @Schema(format = "date-time") String createdAt,

        @Schema(allowableValues = {"schedule", "catch_up", "on_demand"})
        String trigger,

        @Schema(description = "the schedule that made it; null on demand") @Nullable
        String schedule,

        @Schema(format = "date-time", description = "the schedule's slot; null on demand") @Nullable
        String scheduledFor,

        @Schema(description = "the parameters it was made with, by name", example = "{\"groupBy\": \"department\"}")
        Map<String, String> parameters,

        @Schema(example = "/api/v1/reports/42") String href) {

    public static ReportSummaryResponse of(ReportSummary summary) {
        return new ReportSummaryResponse(
                summary.id(),
                summary.type(),
                summary.asOf().toString(),
                summary.createdAt().toString(),
                summary.trigger().code(),
                summary.schedule().orElse(null),
                summary.scheduledFor().map(Instant::toString).orElse(null),
                new TreeMap<>(summary.parameters()),
                "/api/v1/reports/" + summary.id());
    }
}
