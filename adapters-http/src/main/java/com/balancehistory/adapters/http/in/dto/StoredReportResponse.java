package com.balancehistory.adapters.http.in.dto;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A stored report: its metadata, then its content as it was stored (and sent to its schedule's targets). */
@Serdeable
@Schema(name = "StoredReport")
public record StoredReportResponse(
        @JsonUnwrapped ReportSummaryResponse summary,

        @Schema(
                type = "object",
                description = "the report as GET /api/v1/reports/allocation/live answers it, at the report's asOf")
        JsonNode content) {}
