package com.balancehistory.bootstrap;

import com.balancehistory.domain.money.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads configuration values with errors that name the key at fault. */
final class ConfigValues {

    private ConfigValues() {}

    static BigDecimal decimal(String key, Object value) {
        try {
            return Money.parseDecimal(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError(key + ": " + e.getMessage());
        }
    }

    /** Accepts ISO-8601 ({@code PT5M}) or short forms ({@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}). */
    static Duration duration(String key, Object value) {
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return positive(key, Duration.parse(text.toUpperCase(Locale.ROOT)));
            }
            if (text.matches("\\d+(ms|s|m|h|d)")) {
                long amount = Long.parseLong(text.replaceAll("[a-z]+$", ""));
                String unit = text.replaceAll("^\\d+", "");
                return positive(
                        key,
                        switch (unit) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        });
            }
        } catch (DateTimeParseException ignored) {
            // reported below
        }
        throw new ConfigurationError(key + ": '" + value + "' is not a duration (use e.g. 5m, 30s or PT5M)");
    }

    private static Duration positive(String key, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            throw new ConfigurationError(key + ": must be positive, got " + duration);
        }
        return duration;
    }

    /** A configuration value that cannot be used; the message names the key. */
    static final class ConfigurationError extends IllegalArgumentException {
        ConfigurationError(String message) {
            super(message);
        }
    }
}
