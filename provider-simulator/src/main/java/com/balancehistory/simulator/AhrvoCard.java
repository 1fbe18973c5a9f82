package com.balancehistory.simulator;

/**
 * An Ahrvo card's four spending limits. Spending counts against all four; the daily limit resets every 24 hours,
 * the weekly every 7 days and the "monthly" every rolling 30 days; the lifetime limit never resets.
 */
final class AhrvoCard {

    private static final long HOURS_PER_DAY = 24;

    final Limit daily;
    final Limit weekly;
    final Limit monthly;
    final Limit lifetime;

    AhrvoCard(Limit daily, Limit weekly, Limit monthly, Limit lifetime) {
        this.daily = daily;
        this.weekly = weekly;
        this.monthly = monthly;
        this.lifetime = lifetime;
    }

    /** A card with these totals in cents and nothing spent yet. */
    static AhrvoCard unspent(long dailyCents, long weeklyCents, long monthlyCents, long lifetimeCents) {
        return new AhrvoCard(
                new Limit(dailyCents, 0),
                new Limit(weeklyCents, 0),
                new Limit(monthlyCents, 0),
                new Limit(lifetimeCents, 0));
    }

    void spend(long cents) {
        daily.spentCents += cents;
        weekly.spentCents += cents;
        monthly.spentCents += cents;
        lifetime.spentCents += cents;
    }

    /** The most that can still be spent without going over any of the four limits. */
    long spendable() {
        return Math.min(
                Math.min(daily.remaining(), weekly.remaining()), Math.min(monthly.remaining(), lifetime.remaining()));
    }

    /** Resets the periods that end at this hour of the simulation. */
    void resetPeriodsEndingAt(long hoursSinceStart) {
        if (hoursSinceStart % HOURS_PER_DAY == 0) {
            daily.spentCents = 0;
        }
        if (hoursSinceStart % (HOURS_PER_DAY * 7) == 0) {
            weekly.spentCents = 0;
        }
        if (hoursSinceStart % (HOURS_PER_DAY * 30) == 0) {
            monthly.spentCents = 0;
        }
    }

    /** One limit: its total for the period and what has been spent of it, in cents. */
    static final class Limit {
        final long totalCents;
        long spentCents;

        Limit(long totalCents, long spentCents) {
            this.totalCents = totalCents;
            this.spentCents = spentCents;
        }

        long remaining() {
            return Math.max(0, totalCents - spentCents);
        }
    }
}
