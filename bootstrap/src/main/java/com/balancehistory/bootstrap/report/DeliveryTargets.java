package com.balancehistory.bootstrap.report;

import com.balancehistory.application.model.report.DeliveryTarget;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Reads delivery targets and durations from configuration values. */
public final class DeliveryTargets {

    private DeliveryTargets() {}

    /** {@code deliver: {directory: path, webhook: {url, secret}, log: true}}. */
    public static List<DeliveryTarget> parse(String key, Object raw) {
        return ReportsFactory.targets(key, raw);
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, {@code 250ms} or ISO-8601 ({@code PT5M}). */
    public static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        }
        if (!t.matches("\\d+(ms|s|m|h|d)")) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 30s, 5m, PT5M)");
        }
        long amount = Long.parseLong(t.replaceAll("[a-z]+$", ""));
        return switch (t.replaceAll("^\\d+", "")) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
