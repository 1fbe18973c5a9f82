package com.balancehistory.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of an alert's life. An alert fires when its condition becomes {@link Condition#BREACHED}; while active
 * it is never repeated, whatever the readings; it resolves only on a {@link Condition#CLEAR} reading (past the
 * hysteresis band). After resolving, it does not fire again within {@code cooldown} of the resolution, so a
 * condition that flickers is reported once rather than on every poll; a breach that outlasts the cooldown fires then.
 */
public record AlertLifecycle(Duration cooldown) {

    public AlertLifecycle {
        Objects.requireNonNull(cooldown, "cooldown");
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("the alert cooldown cannot be negative: " + cooldown);
        }
    }

    /** The transition a reading at {@code now} causes, given the alert's current state (empty: never fired). */
    public AlertTransition next(Optional<AlertState> current, AlertReading reading, Instant now) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(now, "now");
        current.ifPresent(state -> {
            if (!state.key().equals(reading.key())) {
                throw new IllegalArgumentException("reading " + reading.key() + " applied to alert " + state.key());
            }
        });
        if (current.isPresent() && current.get().active()) {
            AlertState active = current.get();
            return reading.condition() == Condition.CLEAR
                    ? new AlertTransition.Resolve(active, active.resolved(reading, now))
                    : new AlertTransition.None("already active since " + active.firedAt());
        }
        if (reading.condition() != Condition.BREACHED) {
            return new AlertTransition.None(
                    "condition " + reading.condition().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (current.isPresent()) {
            Instant quietUntil = current.get().resolvedAt().orElseThrow().plus(cooldown);
            if (now.isBefore(quietUntil)) {
                return new AlertTransition.None("cooling down until " + quietUntil);
            }
        }
        long version = current.map(state -> state.version() + 1).orElse(1L);
        return new AlertTransition.Fire(current, AlertState.fired(reading, now, version));
    }
}
