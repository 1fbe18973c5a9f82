package com.balancehistory.adapters.http.in.report;

import com.balancehistory.adapters.http.in.dto.StrictText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The request body of {@code POST /api/v1/reports}: {@code {"type": "allocation"}}. */
@Serdeable
public record GenerateReportRequest(
        @Nullable @Serdeable.Deserializable(using = StrictText.class)
        String type,

        @Schema(
                description = "a label key: the report gets its per-label section grouped by it",
                example = "department")
        @Nullable
        @Serdeable.Deserializable(using = StrictText.class)
        String groupBy,

        @Schema(
                description = "an ISO 4217 code: the report gets convertedTotal, its currencies' totals in that "
                        + "currency with every rate used, rounded once half-even at its scale; partial when a rate "
                        + "is missing. With groupBy each of labelGroups' groups gets its own convertedTotal too",
                example = "EUR")
        @Nullable
        @Serdeable.Deserializable(using = StrictText.class)
        String convertTo) {}
