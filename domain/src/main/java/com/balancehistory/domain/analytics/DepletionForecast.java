package com.balancehistory.domain.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** When a balance is expected to run out at its current burn, or the reason there is no such projection. */
public record DepletionForecast(Outlook outlook, Optional<Instant> depletesAt) {

    /** Whether a depletion could be projected, and if not, why not. */
    public enum Outlook {
        /** {@code depletesAt} holds the projection. */
        PROJECTED,
        /** Too few points, or too short a span, to extrapolate from. */
        NOT_ENOUGH_HISTORY,
        /** The balance did not go down in the window: nothing is being burnt. */
        NOT_DECREASING,
        /** The latest balance is zero or below. */
        ALREADY_DEPLETED,
        /** The burn is so slow that the projection lies beyond the last representable instant. */
        BEYOND_HORIZON
    }

    public DepletionForecast {
        Objects.requireNonNull(outlook, "outlook");
        depletesAt = depletesAt == null ? Optional.empty() : depletesAt;
        if ((outlook == Outlook.PROJECTED) != depletesAt.isPresent()) {
            throw new IllegalArgumentException("a depletion instant is present exactly when it was projected");
        }
    }

    public static DepletionForecast projected(Instant depletesAt) {
        return new DepletionForecast(Outlook.PROJECTED, Optional.of(depletesAt));
    }

    public static DepletionForecast none(Outlook reason) {
        return new DepletionForecast(reason, Optional.empty());
    }

    /** The projected day in a time zone of the caller's choice (the projection itself is zone-free). */
    public Optional<LocalDate> depletionDate(ZoneId zone) {
        return depletesAt.map(at -> LocalDate.ofInstant(at, zone));
    }
}
