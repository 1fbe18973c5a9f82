package com.balancehistory.domain.limit;

/** A spending-limit period. Monthly is a rolling 30 days, as Ahrvo defines it. */
public enum LimitPeriod {
    DAILY,
    WEEKLY,
    /** Rolling 30 days, not a calendar month. */
    MONTHLY,
    LIFETIME;

    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static LimitPeriod fromApiName(String name) {
        for (LimitPeriod period : values()) {
            if (period.apiName().equals(name)) {
                return period;
            }
        }
        throw new IllegalArgumentException("unknown limit period '" + name + "' (daily, weekly, monthly, lifetime)");
    }
}
