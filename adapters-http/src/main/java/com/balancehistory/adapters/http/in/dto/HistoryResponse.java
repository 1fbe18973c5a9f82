package com.balancehistory.adapters.http.in.dto;

import com.balancehistory.application.port.in.query.BalanceHistory;
import com.balancehistory.application.port.in.query.HistoryBucket;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/**
 * An account's history: raw {@code points} (bucket=raw) or {@code buckets}, plus the failed polls of its source in the
 * range ({@code gaps}). A bucket is {@code data}, {@code empty} (no poll) or {@code gap} (only failed polls).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "History")
public record HistoryResponse(
        String accountId,
        String currency,
        String from,
        String to,
        String bucket,
        String zone,
        @Nullable List<Point> points,
        @Nullable List<Bucket> buckets,
        List<Gap> gaps,

        @Schema(
                description = "top-ups in the range: increases of the balance beyond the configured noise "
                        + "(balance-history.top-ups.noise-*)")
        List<Event> events) {

    /** One snapshot. */
    @Serdeable
    @Schema(name = "HistoryPoint")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(String observedAt, String available) {}

    /** One calendar bucket {@code [start, end)} in the requested zone. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HistoryBucket")
    public record Bucket(
            String start,
            String end,
            @Schema(description = "data, empty or gap") String status,
            boolean empty,
            boolean gap,
            @Nullable String open,
            @Nullable String close,
            @Nullable String min,
            @Nullable String max,
            int samples,
            int failedPolls) {}

    /** A poll of the account's source that recorded nothing. */
    @Serdeable
    @Schema(name = "HistoryGap")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Gap(long pollId, String at, String outcome) {}

    /** A change event of the balance: a top-up, with the amount it added. */
    @Serdeable
    @Schema(name = "HistoryEvent")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Event(
            @Schema(description = "top-up") String kind,
            String observedAt,
            long pollId,
            @Schema(example = "500.00") String amount,
            String previous,
            String available) {}

    public static HistoryResponse of(BalanceHistory history) {
        var query = history.query();
        boolean raw = query.bucketing() == com.balancehistory.application.port.in.query.HistoryBucketing.RAW;
        List<Point> points = raw
                ? history.points().stream()
                        .map(p -> new Point(p.at().toString(), p.balance().toPlainString()))
                        .toList()
                : null;
        List<Bucket> buckets = raw
                ? null
                : history.buckets().stream().map(HistoryResponse::bucket).toList();
        List<Gap> gaps = history.gaps().stream()
                .map(g -> new Gap(g.pollId(), g.at().toString(), g.outcome().code()))
                .toList();
        return new HistoryResponse(
                history.account().id().value(),
                history.account().currency().getCurrencyCode(),
                query.from().toString(),
                query.to().toString(),
                query.bucketing().apiName(),
                query.zone().getId(),
                points,
                buckets,
                gaps,
                history.topUps().stream()
                        .map(t -> new Event(
                                "top-up",
                                t.observedAt().toString(),
                                t.pollId(),
                                t.amount().toPlainString(),
                                t.previous().toPlainString(),
                                t.available().toPlainString()))
                        .toList());
    }

    private static Bucket bucket(HistoryBucket b) {
        return new Bucket(
                b.start().toString(),
                b.end().toString(),
                b.status().name().toLowerCase(Locale.ROOT),
                b.status() != HistoryBucket.Status.DATA,
                b.status() == HistoryBucket.Status.GAP,
                BalanceItem.amount(b.open()),
                BalanceItem.amount(b.close()),
                BalanceItem.amount(b.min()),
                BalanceItem.amount(b.max()),
                b.samples(),
                b.failedPolls());
    }
}
