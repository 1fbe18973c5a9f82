package com.balancehistory.domain.alert;

import com.balancehistory.domain.limit.LimitPeriod;
import java.util.Objects;
import java.util.Optional;

/**
 * Identifies one alert over its whole lifecycle: the kind and what it is about (an account id, an account id and a
 * limit period as {@code account/period}, or a source name).
 */
public record AlertKey(AlertKind kind, String subject) {

    public AlertKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > 300) {
            throw new IllegalArgumentException("an alert subject has 1 to 300 characters, got '" + subject + "'");
        }
    }

    /** The account the alert is about; empty for a source's stale data. */
    public Optional<String> accountId() {
        return switch (kind) {
            case STALE_DATA -> Optional.empty();
            case LOW_LIMIT -> Optional.of(subject.substring(0, subject.lastIndexOf('/')));
            default -> Optional.of(subject);
        };
    }

    /** The card-limit period of a low-limit alert; empty for the other kinds. */
    public Optional<LimitPeriod> period() {
        return kind == AlertKind.LOW_LIMIT
                ? Optional.of(LimitPeriod.fromApiName(subject.substring(subject.lastIndexOf('/') + 1)))
                : Optional.empty();
    }

    @Override
    public String toString() {
        return kind.apiName() + ":" + subject;
    }
}
