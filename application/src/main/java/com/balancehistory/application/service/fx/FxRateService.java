package com.balancehistory.application.service.fx;

import com.balancehistory.application.model.fx.FxRateVersion;
import com.balancehistory.application.port.in.fx.ConvertTotalsUseCase;
import com.balancehistory.application.port.in.fx.ManageFxRatesUseCase;
import com.balancehistory.application.port.out.fx.FxRateStore;
import com.balancehistory.domain.money.ConvertedTotal;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.FxRateBook;
import com.balancehistory.domain.money.MoneyBag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configured rates and stored versions combined into one {@link FxRateBook}: configured rates first, then each stored
 * version in order. For a pair the newest date wins wherever it comes from; on the same pair and date a stored rate
 * replaces a configured one and a later version an earlier one.
 */
public final class FxRateService implements ManageFxRatesUseCase, ConvertTotalsUseCase {

    private final FxRateStore store;
    private final FxSettings settings;
    private final Clock clock;

    public FxRateService(FxRateStore store, FxSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FxRateVersion store(List<FxRate> rates, String storedBy) {
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("at least one rate is needed");
        }
        // refuses two different rates for one pair and date before anything is written
        FxRateBook.of(rates, settings.staleAfter());
        return store.store(rates, clock.instant(), storedBy);
    }

    @Override
    public List<RateInForce> ratesAt(Instant asOf) {
        List<FxRateVersion> versions = store.versions();
        FxRateBook book = book(versions);
        Map<String, Long> versionOf = new HashMap<>();
        for (FxRateVersion version : versions) {
            version.rates().forEach(rate -> versionOf.put(key(rate), version.version()));
        }
        List<RateInForce> rates = new ArrayList<>();
        for (FxRate rate : book.ratesAt(asOf)) {
            rates.add(new RateInForce(rate, Optional.ofNullable(versionOf.get(key(rate))), book.isStale(rate, asOf)));
        }
        return rates;
    }

    @Override
    public List<FxRateVersion> history() {
        return store.versions();
    }

    @Override
    public List<FxRate> configured() {
        return settings.configuredRates();
    }

    @Override
    public Duration staleAfter() {
        return settings.staleAfter();
    }

    @Override
    public ConvertedTotal convert(MoneyBag totals, Currency target, Instant asOf) {
        return totals.convertTo(target, book(store.versions()), asOf);
    }

    private FxRateBook book(List<FxRateVersion> versions) {
        List<Collection<FxRate>> layers = new ArrayList<>();
        layers.add(settings.configuredRates());
        versions.forEach(version -> layers.add(version.rates()));
        return FxRateBook.layered(layers, settings.staleAfter());
    }

    private static String key(FxRate rate) {
        return rate.pair() + "@" + rate.date();
    }
}
