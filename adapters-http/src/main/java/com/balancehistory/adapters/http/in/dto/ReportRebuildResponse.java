package com.balancehistory.adapters.http.in.dto;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A stored report computed again from the snapshots at its as-of time, and whether it equals what was stored. */
@Serdeable
@Schema(name = "ReportRebuild")
public record ReportRebuildResponse(
        long id,

        @Schema(description = "the rebuilt content equals the stored one")
        boolean identical,

        @Schema(type = "object", description = "the content computed now, as the live report answers it")
        JsonNode rebuilt) {}
