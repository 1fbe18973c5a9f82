package com.balancehistory.bootstrap.fx;

import com.balancehistory.adapters.persistence.fx.JooqFxRateStore;
import com.balancehistory.application.service.fx.FxRateService;
import com.balancehistory.application.service.fx.FxSettings;
import com.balancehistory.domain.money.FxRate;
import com.balancehistory.domain.money.FxRateBook;
import com.balancehistory.domain.money.InvalidFxRateException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The configured exchange rates, checked at start-up: an entry with a missing or malformed field, two currencies
 * that are the same, a rate that is not positive, or two different rates for one pair and date stop the service,
 * naming the key at fault ({@code balance-history.fx.rates[1].rate: ...}).
 */
@Factory
public class FxFactory {

    @Context
    FxSettings fxSettings(FxProperties properties, List<FxRateProperties> configured) {
        List<FxRateProperties> sorted = new ArrayList<>(configured);
        sorted.sort(Comparator.comparing(FxRateProperties::index));
        List<FxRate> rates = new ArrayList<>();
        for (FxRateProperties entry : sorted) {
            rates.add(rate(entry));
        }
        FxSettings settings;
        try {
            settings = new FxSettings(
                    rates, properties.staleAfter() == null ? FxSettings.DEFAULT_STALE_AFTER : properties.staleAfter());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FxProperties.PREFIX + ".stale-after: " + e.getMessage());
        }
        try {
            FxRateBook.of(settings.configuredRates(), settings.staleAfter());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(FxRateProperties.PREFIX + ": " + e.getMessage());
        }
        return settings;
    }

    @Singleton
    JooqFxRateStore fxRateStore(DSLContext dsl) {
        return new JooqFxRateStore(dsl);
    }

    @Singleton
    FxRateService fxRateService(JooqFxRateStore store, FxSettings settings, Clock clock) {
        return new FxRateService(store, settings, clock);
    }

    static FxRate rate(FxRateProperties entry) {
        try {
            return FxRate.parse(entry.from(), entry.to(), entry.rate(), entry.date(), entry.source());
        } catch (InvalidFxRateException e) {
            throw new ConfigurationException(
                    FxRateProperties.PREFIX + "[" + entry.index() + "]." + e.field() + ": " + e.reason());
        }
    }
}
