package com.balancehistory.domain.alert;

import java.util.Objects;
import java.util.Optional;

/** What one reading does to an alert: fire it, resolve it, or nothing. */
public sealed interface AlertTransition {

    /** The alert starts: {@code state} is the new active state; {@code previous} the state it replaces, if any. */
    record Fire(Optional<AlertState> previous, AlertState state) implements AlertTransition {
        public Fire {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The alert ends: {@code state} is the resolved state replacing {@code previous}. */
    record Resolve(AlertState previous, AlertState state) implements AlertTransition {
        public Resolve {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(state, "state");
        }
    }

    /** Nothing to record or notify: the alert stays as it is. {@code why} says why, for tests and logs. */
    record None(String why) implements AlertTransition {}
}
