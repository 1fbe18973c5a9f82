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
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.LinkedHashMap;
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

    /**
     * When an increase is a top-up: {@code balance-history.top-ups.noise-amount.<CCY>} (more than this amount) and
     * {@code balance-history.top-ups.noise-percent} (more than this % of the previous balance); none: every increase.
     */
    @Singleton
    TopUpNoise topUpNoise(Environment environment) {
        String prefix = "balance-history.top-ups.";
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        environment
                .getProperty(prefix + "noise-amount", Map.class)
                .ifPresent(raw -> ((Map<?, ?>) raw).forEach((currency, amount) -> {
                    String code = String.valueOf(currency).toUpperCase(java.util.Locale.ROOT);
                    CurrencyCodes.require(code);
                    amounts.put(code, ConfigValues.decimal(prefix + "noise-amount." + code, amount));
                }));
        Optional<BigDecimal> percent = environment
                .getProperty(prefix + "noise-percent", String.class)
                .map(text -> ConfigValues.decimal(prefix + "noise-percent", text));
        try {
            return new TopUpNoise(amounts, percent);
        } catch (IllegalArgumentException e) {
            throw new ConfigValues.ConfigurationError(prefix + "noise-*: " + e.getMessage());
        }
    }

    /**
     * Every tick is a heartbeat, so an instance missing three ticks in a row is taken for stopped: a slow tick or a
     * pause of the JVM does not move its sources, and a stopped instance's sources move about when its grace ends.
     */
    @Singleton
    JooqPollScheduleStore pollScheduleStore(
            DSLContext dsl,
            @Value("${balance-history.scheduler.affinity-grace:15s}") String grace,
            @Value("${balance-history.scheduler.tick:5s}") String tick) {
        return new JooqPollScheduleStore(
                dsl,
                ConfigValues.duration("balance-history.scheduler.affinity-grace", grace),
                ConfigValues.duration("balance-history.scheduler.tick", tick).multipliedBy(3));
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
    ChangeDetector changeSignificance(
            @Value("${balance-history.changes.significant-percent:10}") BigDecimal percent, Environment environment) {
        if (percent.signum() < 0) {
            throw new ConfigValues.ConfigurationError(
                    "balance-history.changes.significant-percent must not be negative: " + percent.toPlainString());
        }
        if (percent.signum() == 0) {
            return ChangeDetector.everyChange();
        }
        ChangeDetector detector = ChangeDetector.atLeastPercent(percent);
        Map<?, ?> raw = environment
                .getProperty("balance-history.changes.significant-amounts", Map.class)
                .orElse(Map.of());
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String code = String.valueOf(entry.getKey()).toUpperCase(java.util.Locale.ROOT);
            String key = "balance-history.changes.significant-amounts." + code;
            BigDecimal amount = ConfigValues.decimal(key, entry.getValue());
            try {
                detector = detector.withMinimum(Money.of(amount, CurrencyCodes.require(code)));
            } catch (IllegalArgumentException e) {
                throw new ConfigValues.ConfigurationError(key + ": " + e.getMessage());
            }
        }
        return detector;
    }
}
