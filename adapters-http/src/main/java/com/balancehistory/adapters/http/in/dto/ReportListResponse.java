package com.balancehistory.adapters.http.in.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Stored reports, newest first. */
@Serdeable
@Schema(name = "Reports")
public record ReportListResponse(List<ReportSummaryResponse> reports) {}
