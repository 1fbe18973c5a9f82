package com.balancehistory.bootstrap;

import com.balancehistory.adapters.persistence.CardLimitTotals;
import com.balancehistory.adapters.persistence.JooqDailyRollup;
import com.balancehistory.adapters.persistence.JooqPartitionMaintenance;
import com.balancehistory.adapters.persistence.JooqPollScheduleStore;
import com.balancehistory.adapters.persistence.JooqSnapshotStore;
import com.balancehistory.adapters.persistence.TopUpNoise;
import com.balancehistory.domain.analytics.ChangeDetector;
import com.balancehistory.domain.money.CurrencyCodes;
import com.balancehistory.domain.money.Money;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;

/**
 * The PostgreSQL adapters. The DSLContext comes from micronaut-jooq: its transactions ({@code dsl.transactionResult})
 * are Micronaut's (its {@code MicronautTransactionProvider}), and its statements run on the connection of the
 * Micronaut transaction in progress, so jOOQ and the Micronaut Data repositories share one transaction manager. The
 * jOOQ adapters stay plain classes given a DSLContext, which tests can build without Micronaut.
 */
@Factory
class PersistenceFactory {

    @Singleton
    @Named("default")
    ConnectionProvider jooqConnections(
            @Named("default") ConnectionOperations<Connection> connections, @Named("default") DataSource dataSource) {
        return new TransactionBoundConnections(connections, dataSource);
    }

    @Singleton
    @Named("default")
    Settings jooqSettings() {
        return new Settings().withExecuteLogging(false);
    }

    @Singleton
    JooqSnapshotStore snapshotStore(
            DSLContext dsl,
            ChangeDetector significance,
            CardLimitTotals totals,
            TopUpNoise topUpNoise,
            ConfiguredSources sources) {
        return new JooqSnapshotStore(dsl, significance, totals, topUpNoise, sources.typicalIntervals());
    }

    /** When an increase is a top-up ({@link TopUpsProperties}); none configured: every increase. */
    @Singleton
    TopUpNoise topUpNoise(Environment environment, TopUpsProperties topUps) {
        String prefix = TopUpsProperties.PREFIX + ".";
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        currencyAmounts(prefix + "noise-amount", topUps.noiseAmount())
                .forEach((currency, amount) -> amounts.put(currency.getCurrencyCode(), amount));
        Optional<BigDecimal> percent = Optional.ofNullable(
                BoundValues.readable(environment, prefix + "noise-percent", topUps.noisePercent(), "a decimal number"));
        try {
            return new TopUpNoise(amounts, percent);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + "noise-*: " + e.getMessage());
        }
    }

    /**
     * Every tick is a heartbeat, so an instance missing three ticks in a row is taken for stopped: a slow tick or a
     * pause of the JVM does not move its sources, and a stopped instance's sources move about when its grace ends.
     */
    @Singleton
    JooqPollScheduleStore pollScheduleStore(
            DSLContext dsl,
            Environment environment,
            SchedulerProperties scheduler,
            ScheduledTaskIntervals scheduledTasks) {
        return new JooqPollScheduleStore(
                dsl,
                BoundValues.positiveDuration(
                        environment,
                        SchedulerProperties.PREFIX + ".affinity-grace",
                        scheduler.affinityGrace(),
                        Duration.ofSeconds(15)),
                scheduledTasks.of(ScheduledTaskIntervals.SCHEDULER_TICK).multipliedBy(3));
    }

    @Singleton
    JooqDailyRollup dailyRollup(DSLContext dsl) {
        return new JooqDailyRollup(dsl);
    }

    @Singleton
    JooqPartitionMaintenance partitionMaintenance(DSLContext dsl, JooqDailyRollup rollup) {
        return new JooqPartitionMaintenance(dsl, rollup);
    }

    /** Configured card limit totals ({@code card-limit-totals} of each source), in each card's own currency. */
    @Singleton
    CardLimitTotals cardLimitTotals(ConfiguredSources sources) {
        return card -> sources
                .byName(card.source())
                .map(source -> source.cardLimitTotals().getOrDefault(card.externalId(), Map.of()))
                .orElse(Map.of())
                .entrySet()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> Money.of(e.getValue(), card.currency())));
    }

    /**
     * The significant-change rule. A percentage of 0 makes every change significant, whatever amounts are set; an
     * amount must be a positive amount of its currency (at most its minor-unit decimals).
     */
    @Singleton
    ChangeDetector changeSignificance(Environment environment, ChangesProperties changes) {
        String prefix = ChangesProperties.PREFIX + ".";
        BigDecimal percent = BoundValues.readable(
                environment, prefix + "significant-percent", changes.significantPercent(), "a decimal number");
        percent = percent == null ? BigDecimal.TEN : percent;
        if (percent.signum() < 0) {
            throw new ConfigurationException(
                    prefix + "significant-percent must not be negative: " + percent.toPlainString());
        }
        if (percent.signum() == 0) {
            return ChangeDetector.everyChange();
        }
        ChangeDetector detector = ChangeDetector.atLeastPercent(percent);
        String amountsKey = prefix + "significant-amounts";
        for (Map.Entry<Currency, BigDecimal> entry :
                currencyAmounts(amountsKey, changes.significantAmounts()).entrySet()) {
            try {
                detector = detector.withMinimum(Money.of(entry.getValue(), entry.getKey()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(
                        amountsKey + "." + entry.getKey().getCurrencyCode() + ": " + e.getMessage());
            }
        }
        return detector;
    }

    /** {@code <CCY>: "1000.00"} entries under {@code key}, each refused naming its key. */
    private static Map<Currency, BigDecimal> currencyAmounts(String key, Map<String, String> configured) {
        Map<Currency, BigDecimal> amounts = new LinkedHashMap<>();
        (configured == null ? Map.<String, String>of() : configured).forEach((code, text) -> {
            String at = key + "." + code.toUpperCase(Locale.ROOT);
            try {
                amounts.put(CurrencyCodes.require(code.toUpperCase(Locale.ROOT)), BoundValues.decimal(at, text));
            } catch (ConfigurationException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(at + ": " + e.getMessage());
            }
        });
        return amounts;
    }
}
