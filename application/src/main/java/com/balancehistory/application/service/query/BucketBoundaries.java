package com.balancehistory.application.service.query;

import com.balancehistory.application.port.in.query.HistoryBucketing;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The boundaries of calendar buckets in a zone's local calendar: hours, days, weeks (from Monday) and months. The
 * first bucket starts at the unit containing {@code from}; the last one ends at or after {@code to}. Days, weeks and
 * months start at local midnight, so a day with a daylight-saving change lasts 23 or 25 hours; hours are
 * consecutive hours of real time, so that day has 23 or 25 hour buckets.
 */
final class BucketBoundaries {

    private BucketBoundaries() {}

    /** The boundaries, or empty when there would be more than {@code maxBuckets} buckets. */
    static Optional<List<Instant>> of(HistoryBucketing unit, Instant from, Instant to, ZoneId zone, int maxBuckets) {
        if (unit == HistoryBucketing.RAW) {
            throw new IllegalArgumentException("raw history has no buckets");
        }
        List<Instant> boundaries = new ArrayList<>();
        ZonedDateTime start = start(unit, from.atZone(zone));
        boundaries.add(start.toInstant());
        ZonedDateTime current = start;
        while (current.toInstant().isBefore(to)) {
            if (boundaries.size() > maxBuckets) {
                return Optional.empty();
            }
            current = next(unit, current);
            boundaries.add(current.toInstant());
        }
        return Optional.of(boundaries);
    }

    private static ZonedDateTime start(HistoryBucketing unit, ZonedDateTime at) {
        LocalDate day = at.toLocalDate();
        ZoneId zone = at.getZone();
        return switch (unit) {
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> day.atStartOfDay(zone);
            case WEEK ->
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone);
            case MONTH -> day.withDayOfMonth(1).atStartOfDay(zone);
            case RAW -> throw new IllegalArgumentException("raw");
        };
    }

    private static ZonedDateTime next(HistoryBucketing unit, ZonedDateTime start) {
        LocalDate day = start.toLocalDate();
        ZoneId zone = start.getZone();
        return switch (unit) {
            case HOUR -> start.plusHours(1);
            case DAY -> day.plusDays(1).atStartOfDay(zone);
            case WEEK -> day.plusWeeks(1).atStartOfDay(zone);
            case MONTH -> day.plusMonths(1).atStartOfDay(zone);
            case RAW -> throw new IllegalArgumentException("raw");
        };
    }
}
