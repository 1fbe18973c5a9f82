package com.balancehistory.domain.analytics;

import com.balancehistory.domain.money.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Health tiers per currency. A balance in a currency without tiers is {@link HealthScore#UNRATED}: one currency's
 * amounts say nothing about another's (50,000 JPY is not 50,000 USD). Immutable.
 */
public record HealthScale(Map<Currency, HealthTiers> tiersByCurrency) {

    public HealthScale {
        tiersByCurrency = Map.copyOf(tiersByCurrency);
        tiersByCurrency.forEach((currency, tiers) -> {
            if (!tiers.currency().equals(currency)) {
                throw new IllegalArgumentException(tiers.currency() + " health tiers filed under " + currency);
            }
        });
    }

    /** Only the default USD tiers ({@link HealthTiers#usdDefaults()}); every other currency is unrated. */
    public static HealthScale defaults() {
        return new HealthScale(Map.of()).with(HealthTiers.usdDefaults());
    }

    /** A scale with these tiers for their currency, replacing any tiers it had. */
    public HealthScale with(HealthTiers tiers) {
        Map<Currency, HealthTiers> all = new HashMap<>(tiersByCurrency);
        all.put(tiers.currency(), tiers);
        return new HealthScale(all);
    }

    public Optional<HealthTiers> tiers(Currency currency) {
        return Optional.ofNullable(tiersByCurrency.get(currency));
    }

    public HealthScore rate(Money balance) {
        Objects.requireNonNull(balance, "balance");
        return tiers(balance.currency())
                .map(tiers -> tiers.rate(balance))
                .orElseGet(() -> HealthScore.unrated(balance));
    }
}
