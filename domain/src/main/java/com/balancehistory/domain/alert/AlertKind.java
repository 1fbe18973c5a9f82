package com.balancehistory.domain.alert;

import java.util.Locale;

/**
 * What an alert watches: a balance, a card limit, a source's freshness, significant balance changes, or top-ups that
 * arrived.
 */
public enum AlertKind {
    LOW_BALANCE,
    LOW_LIMIT,
    STALE_DATA,
    SIGNIFICANT_CHANGE,
    /** A top-up of an account's balance arrived (an increase beyond the configured noise). */
    TOP_UP_SETTLED;

    /** The name in the API and in the database, e.g. {@code low-balance}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AlertKind fromApiName(String name) {
        for (AlertKind kind : values()) {
            if (kind.apiName().equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown alert kind '" + name + "'");
    }
}
