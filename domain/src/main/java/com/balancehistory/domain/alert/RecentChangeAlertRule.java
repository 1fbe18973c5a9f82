package com.balancehistory.domain.alert;

import com.balancehistory.domain.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An alert that a balance change of one kind happened (a significant change, a settled top-up): an account's alert
 * is breached while such a change lies within {@code window}, and reads clear once none does.
 */
public record RecentChangeAlertRule(AlertKind kind, Duration window) {

    public RecentChangeAlertRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        if (kind != AlertKind.SIGNIFICANT_CHANGE && kind != AlertKind.TOP_UP_SETTLED) {
            throw new IllegalArgumentException(kind + " is not an alert about a balance change");
        }
    }

    public static RecentChangeAlertRule significantChange(Duration window) {
        return new RecentChangeAlertRule(AlertKind.SIGNIFICANT_CHANGE, window);
    }

    public static RecentChangeAlertRule topUpSettled(Duration window) {
        return new RecentChangeAlertRule(AlertKind.TOP_UP_SETTLED, window);
    }

    /** The start of the window that ends at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    /** The reading of an account whose newest change of this kind in the window is the one given. */
    public AlertReading changed(
            String accountId,
            String name,
            String source,
            Money previous,
            Money available,
            Money change,
            Instant observedAt) {
        AlertKey key = new AlertKey(kind, accountId);
        String message = kind == AlertKind.TOP_UP_SETTLED
                ? name + ": top-up of " + change + " settled (" + previous + " to " + available + ") at " + observedAt
                : name + ": balance changed by " + change + " (" + previous + " to " + available + ") at " + observedAt;
        return new AlertReading(
                key,
                Condition.BREACHED,
                source,
                Optional.of(change.amount()),
                Optional.empty(),
                Optional.of(change.currencyCode()),
                message);
    }

    /** The reading of an account with an active alert of this kind and no such change in the window any more. */
    public AlertReading quiet(AlertState state) {
        String what = kind == AlertKind.TOP_UP_SETTLED ? "top-up" : "significant change";
        return new AlertReading(
                new AlertKey(kind, state.key().subject()),
                Condition.CLEAR,
                state.source(),
                Optional.empty(),
                Optional.empty(),
                state.unit(),
                "no " + what + " of " + state.key().subject() + " within the last " + window);
    }

    /**
     * The readings of one evaluation: {@code changed}, by account, the readings of the accounts with a change of this
     * kind in the window (each from its newest change), and a clear reading for every account whose alert of this
     * kind is active in {@code states} without such a change any more; in the order of the account ids.
     */
    public List<AlertReading> readings(Map<String, AlertReading> changed, Map<AlertKey, AlertState> states) {
        Set<String> accounts = new TreeSet<>(changed.keySet());
        states.values().stream()
                .filter(AlertState::active)
                .filter(state -> state.key().kind() == kind)
                .forEach(state -> accounts.add(state.key().subject()));
        List<AlertReading> readings = new ArrayList<>(accounts.size());
        for (String account : accounts) {
            AlertReading reading = changed.get(account);
            readings.add(reading != null ? reading : quiet(states.get(new AlertKey(kind, account))));
        }
        return readings;
    }
}
