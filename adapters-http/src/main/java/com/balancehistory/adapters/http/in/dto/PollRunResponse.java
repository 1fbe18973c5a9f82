package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.poll.PollRunSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A poll run and per source what happened. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PollRun")
public record PollRunResponse(
        long id,
        @Schema(example = "on_demand") String trigger,
        @Nullable String requestedSource,
        String startedAt,
        @Nullable String finishedAt,

        @Nullable @Schema(description = "true when the instance running it stopped mid-run")
        Boolean interrupted,

        List<Source> sources) {

    /** One source's part of the run: {@code running} until it is recorded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PollSourceResult")
    public record Source(
            String source,
            @Nullable String provider,

            @Schema(description = "running, ok, partial, failed, rate_limited, skipped or interrupted")
            String outcome,

            @Nullable String error,
            int accountsSeen,
            int rowsWritten,
            @Nullable String startedAt,
            @Nullable String finishedAt,

            @Nullable @Schema(description = "rate_limited: no call to the source before this time")
            String retryAt) {}

    static final String RUNNING = "running";
    static final String INTERRUPTED = "interrupted";

    public static PollRunResponse of(PollRunSummary run) {
        return of(run, List.of());
    }

    /**
     * @param polledSources the sources a run of all sources polls: those without a result show as running while the
     *                      run is unfinished, as interrupted when its instance stopped mid-run
     */
    public static PollRunResponse of(PollRunSummary run, List<String> polledSources) {
        List<Source> sources = new ArrayList<>(run.sources().stream()
                .map(s -> new Source(
                        s.source(),
                        s.provider(),
                        s.outcome().code(),
                        s.error().orElse(null),
                        s.accountsSeen(),
                        s.rowsWritten(),
                        s.startedAt().toString(),
                        s.finishedAt().toString(),
                        s.retryAt().map(Instant::toString).orElse(null)))
                .toList());
        if (run.finishedAt().isEmpty() || run.interrupted()) {
            String missing = run.interrupted() ? INTERRUPTED : RUNNING;
            Set<String> recorded = new HashSet<>();
            run.sources().forEach(s -> recorded.add(s.source()));
            run.requestedSource().map(List::of).orElse(polledSources).stream()
                    .filter(name -> !recorded.contains(name))
                    .forEach(name -> sources.add(new Source(name, null, missing, null, 0, 0, null, null, null)));
        }
        return new PollRunResponse(
                run.id(),
                run.trigger().code(),
                run.requestedSource().orElse(null),
                run.startedAt().toString(),
                run.finishedAt().map(Instant::toString).orElse(null),
                run.interrupted() ? Boolean.TRUE : null,
                sources);
    }
}
