package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.CurrencyMismatchException;
import com.balancehistory.domain.money.Money;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The health scale of one currency: tiers with minimum balances in that currency, and the score and label for a
 * balance below every tier. Tiers are held highest minimum first; a balance gets the first tier whose minimum it
 * reaches ({@code >=}). A higher minimum must never give a lower score.
 */
public record HealthTiers(Currency currency, List<HealthTier> tiers, int floorScore, String floorLabel) {

    private static final Currency USD = Currency.getInstance("USD");

    public HealthTiers {
        Objects.requireNonNull(currency, "currency");
        HealthScore.requireScoreAndLabel(floorScore, floorLabel);
        for (HealthTier tier : tiers) {
            requireCurrency(currency, tier.minimum(), "health tier " + tier.label());
        }
        tiers = tiers.stream()
                .sorted(Comparator.comparing(HealthTier::minimum).reversed())
                .toList();
        int lowerScore = floorScore;
        for (int i = tiers.size() - 1; i >= 0; i--) {
            HealthTier tier = tiers.get(i);
            if (i > 0 && tiers.get(i - 1).minimum().equals(tier.minimum())) {
                throw new IllegalArgumentException("two health tiers start at " + tier.minimum());
            }
            if (tier.score() < lowerScore) {
                throw new IllegalArgumentException("health tier " + tier.label() + " (from " + tier.minimum()
                        + ") scores " + tier.score() + ", below the " + lowerScore + " of a lower tier");
            }
            lowerScore = tier.score();
        }
    }

    /**
     * The default USD scale: at least 50,000 → 100 EXCELLENT; 25,000 → 80 GOOD; 10,000 → 60 FAIR; 5,000 → 40 LOW;
     * below that 20 CRITICAL.
     */
    public static HealthTiers usdDefaults() {
        return new HealthTiers(
                USD,
                List.of(
                        HealthTier.atLeast(Money.parse("50000", USD), 100, "EXCELLENT"),
                        HealthTier.atLeast(Money.parse("25000", USD), 80, "GOOD"),
                        HealthTier.atLeast(Money.parse("10000", USD), 60, "FAIR"),
                        HealthTier.atLeast(Money.parse("5000", USD), 40, "LOW")),
                20,
                "CRITICAL");
    }

    /** Rates a balance in this scale's currency; another currency throws {@link CurrencyMismatchException}. */
    public HealthScore rate(Money balance) {
        requireCurrency(currency, balance, "balance");
        for (HealthTier tier : tiers) {
            if (balance.isAtLeast(tier.minimum())) {
                return HealthScore.rated(balance, tier.score(), tier.label());
            }
        }
        return HealthScore.rated(balance, floorScore, floorLabel);
    }

    private static void requireCurrency(Currency currency, Money amount, String what) {
        if (!amount.hasCurrency(currency)) {
            throw new CurrencyMismatchException(what + " is in " + amount.currencyCode() + ", not on the "
                    + currency.getCurrencyCode() + " health scale");
        }
    }
}
