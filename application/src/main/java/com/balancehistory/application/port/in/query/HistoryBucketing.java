package com.balancehistory.application.port.in.query;

import java.util.Locale;

/** How a history is returned: every snapshot, or aggregated per calendar unit in a time zone. */
public enum HistoryBucketing {
    RAW,
    HOUR,
    DAY,
    WEEK,
    MONTH;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HistoryBucketing fromApiName(String name) {
        for (HistoryBucketing bucketing : values()) {
            if (bucketing.apiName().equals(name)) {
                return bucketing;
            }
        }
        throw new InvalidQueryException("bucket", "unknown bucket '" + name + "' (raw, hour, day, week, month)");
    }
}
