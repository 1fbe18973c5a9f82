package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.model.source.SourceStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/sources}: every polled source and how it is doing, and the misconfigured ones. */
@Serdeable
@Schema(name = "Sources")
public record SourcesResponse(List<Source> sources, List<Misconfigured> misconfigured) {

    /** One polled source. Fields without a value (never polled, no breaker) are left out. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Source")
    public record Source(
            String name,
            @Schema(example = "ahrvo") String provider,
            @Nullable @Schema(example = "PT5M") String interval,
            @Nullable @Schema(example = "0 */10 * * * *") String cron,
            @Nullable @Schema(example = "Europe/London") String cronZone,
            @Nullable String nextDueAt,
            @Nullable LastPoll lastPoll,
            @Nullable String lastSuccessAt,

            @Nullable @Schema(description = "ISO 8601 duration since the last success", example = "PT42S")
            String lastSuccessAge,

            int consecutiveFailures,

            @Nullable @Schema(description = "closed, open or half-open (this instance's breaker)")
            String circuitState,

            int accountsSeen,

            @Schema(description = "no successful poll within twice the interval")
            boolean stale,

            @Nullable @Schema(description = "the provider asked (Retry-After) not to be called before this")
            String retryAt) {}

    /** The source's newest recorded poll. */
    @Serdeable
    @Schema(name = "SourceLastPoll")
    public record LastPoll(long id, @Schema(example = "ok") String outcome, String finishedAt) {}

    /** A configured source left out, and why. */
    @Serdeable
    @Schema(name = "MisconfiguredSource")
    public record Misconfigured(String name, String error) {}

    public static SourcesResponse of(List<SourceStatus> sources, Map<String, String> misconfigured) {
        return new SourcesResponse(
                sources.stream().map(SourcesResponse::source).toList(),
                misconfigured.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new Misconfigured(e.getKey(), e.getValue()))
                        .toList());
    }

    private static Source source(SourceStatus s) {
        return new Source(
                s.name(),
                s.provider(),
                s.interval().map(Duration::toString).orElse(null),
                s.cron().orElse(null),
                s.cronZone().orElse(null),
                s.nextDueAt().map(Instant::toString).orElse(null),
                s.lastPoll()
                        .map(p -> new LastPoll(
                                p.pollId(), p.outcome(), p.finishedAt().toString()))
                        .orElse(null),
                s.lastSuccessAt().map(Instant::toString).orElse(null),
                s.lastSuccessAge().map(Duration::toString).orElse(null),
                s.consecutiveFailures(),
                s.circuitState().orElse(null),
                s.accountsSeen(),
                s.stale(),
                s.retryAt().map(Instant::toString).orElse(null));
    }
}
