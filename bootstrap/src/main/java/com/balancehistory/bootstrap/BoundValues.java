package com.balancehistory.bootstrap;

import com.balancehistory.domain.money.Money;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Checks on values bound into configuration records. Micronaut leaves a nullable component null when the text
 * given cannot be converted ({@code window: soon}); that would silently put the default in force, so a key that is
 * set but came out null is reported by name.
 */
public final class BoundValues {

    private BoundValues() {}

    /** {@code bound}, unless the key is set and its value could not be read as {@code expected}. */
    public static <T> T readable(Environment environment, String key, T bound, String expected) {
        if (bound == null && environment.containsProperty(key)) {
            Object raw = environment.getProperty(key, Object.class).orElse("");
            throw new ConfigurationException(key + ": '" + raw + "' is not " + expected);
        }
        return bound;
    }

    /** {@code readable} for a duration, saying which forms are accepted. */
    public static <T> T duration(Environment environment, String key, T bound) {
        return readable(environment, key, bound, "a duration (use e.g. 30s, 5m, 1h or PT5M)");
    }

    /** The bound duration, {@code fallback} when the key is not set; refused naming the key unless positive. */
    public static Duration positiveDuration(Environment environment, String key, Duration bound, Duration fallback) {
        Duration duration = duration(environment, key, bound);
        if (duration == null) {
            return fallback;
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new ConfigurationException(key + ": must be positive, got " + duration);
        }
        return duration;
    }

    /** A plain decimal written as text ({@code "1000.00"}, no exponent), refused naming the key. */
    public static BigDecimal decimal(String key, Object text) {
        try {
            return Money.parseDecimal(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key + ": " + e.getMessage());
        }
    }
}
