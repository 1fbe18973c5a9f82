package com.balancehistory.domain.alert;

/**
 * Where a watched value stands against its threshold. {@link #IN_BAND} is the hysteresis band: past the threshold
 * again but not far enough to end an alert, so a value hovering at the threshold neither fires nor resolves.
 */
public enum Condition {
    /** The alert's condition holds (e.g. the balance is below the threshold). */
    BREACHED,
    /** Not breached, but within the band above the threshold: an active alert stays active, none fires. */
    IN_BAND,
    /** Clearly fine: an active alert resolves. */
    CLEAR
}
