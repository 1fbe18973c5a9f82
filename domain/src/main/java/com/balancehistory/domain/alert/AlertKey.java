package com.balancehistory.domain.alert;

import java.util.Objects;

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

    @Override
    public String toString() {
        return kind.apiName() + ":" + subject;
    }
}
