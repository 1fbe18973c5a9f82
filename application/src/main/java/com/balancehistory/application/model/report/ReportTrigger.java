package com.balancehistory.application.model.report;

import java.util.Locale;

/** Why a report was made: its schedule's slot, a slot missed while the service was down, or an admin's request. */
public enum ReportTrigger {
    SCHEDULE,
    CATCH_UP,
    ON_DEMAND;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportTrigger fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
