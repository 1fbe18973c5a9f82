package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.PollRunSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A poll run and per source what happened. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PollRun")
public record PollRunResponse(long id, @Schema(example = "on_demand") String trigger,
                              @Nullable String requestedSource, String startedAt, @Nullable String finishedAt,
                              List<Source> sources) {

    /** One source's part of the run. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PollSourceResult")
    public record Source(String source, String provider,
                         @Schema(description = "ok, partial, failed, rate_limited or skipped") String outcome,
                         @Nullable String error, int accountsSeen, int rowsWritten, String startedAt,
                         String finishedAt) {
    }

    public static PollRunResponse of(PollRunSummary run) {
        return new PollRunResponse(run.id(), run.trigger().code(), run.requestedSource().orElse(null),
                run.startedAt().toString(), run.finishedAt().map(Instant::toString).orElse(null),
                run.sources().stream().map(s -> new Source(s.source(), s.provider(), s.outcome().code(),
                        s.error().orElse(null), s.accountsSeen(), s.rowsWritten(), s.startedAt().toString(),
                        s.finishedAt().toString())).toList());
    }
}
