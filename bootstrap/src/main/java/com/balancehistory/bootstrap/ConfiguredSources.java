package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.common.CircuitBreakingProvider;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources from {@code balance-history.sources} (plus the simulator's in demo mode). A misconfigured source is
 * reported by name at start-up and left out; the others still run.
 */
@Singleton
public class ConfiguredSources {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSources.class);
    /** Keys that belong to balance-history's scheduling, not to the provider connection. */
    private static final List<String> SCHEDULING_KEYS =
            List.of("interval", "cron", "cron-zone", "enabled", "card-limit-totals");

    private final ProviderBuilder builder;
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, String> misconfigured = new LinkedHashMap<>();

    /** One source that will be polled. */
    public record Source(
            String name,
            BalanceProvider provider,
            PollSchedule schedule,
            Map<String, Map<LimitPeriod, BigDecimal>> cardLimitTotals) {

        /** The usual gap between two polls of this source; data older than twice this is stale. */
        public Duration typicalInterval() {
            return schedule.typicalInterval();
        }

        /**
         * Why this source cannot poll on this instance now, empty while it can (see
         * {@link CircuitBreakingProvider#cannotPoll()}); a provider without a breaker always can.
         */
        public Optional<String> cannotPoll() {
            return provider instanceof CircuitBreakingProvider breaking ? breaking.cannotPoll() : Optional.empty();
        }
    }

    ConfiguredSources(Environment environment, ProviderBuilder builder, Optional<DemoSources> demo) {
        this.builder = builder;
        Map<String, Object> configured = new LinkedHashMap<>();
        demo.ifPresent(d -> configured.putAll(d.sources()));
        environment
                .getProperty("balance-history.sources", Map.class)
                .ifPresent(raw ->
                        ((Map<?, ?>) raw).forEach((name, settings) -> configured.put(String.valueOf(name), settings)));
        configured.forEach(this::add);
        if (sources.isEmpty()) {
            LOG.warn("no sources configured: set balance-history.sources, or start with --demo");
        }
        sources.forEach(s -> LOG.info(
                "source '{}' ({}) polled {}",
                s.name(),
                s.provider().providerType().configName(),
                describe(s.schedule())));
        misconfigured.forEach(
                (name, reason) -> LOG.error("source '{}' is misconfigured and will not be polled: {}", name, reason));
    }

    private void add(String name, Object rawSettings) {
        try {
            if (!(rawSettings instanceof Map<?, ?> raw)) {
                throw new ConfigValues.ConfigurationError("settings must be a map of keys to values");
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            raw.forEach((key, value) -> settings.put(String.valueOf(key), value));
            if ("false".equals(String.valueOf(settings.getOrDefault("enabled", "true")))) {
                LOG.info("source '{}' is disabled", name);
                return;
            }
            PollSchedule schedule = scheduleOf(name, settings);
            Map<String, Map<LimitPeriod, BigDecimal>> cardTotals =
                    cardLimitTotalsOf(name, settings.get("card-limit-totals"));
            Map<String, Object> connection = new LinkedHashMap<>(settings);
            SCHEDULING_KEYS.forEach(connection::remove);
            sources.add(new Source(name, builder.build(name, connection), schedule, cardTotals));
        } catch (RuntimeException e) {
            misconfigured.put(name, e.getMessage());
        }
    }

    private static PollSchedule scheduleOf(String name, Map<String, Object> settings) {
        Object cron = settings.get("cron");
        if (cron != null) {
            ZoneId zone = Optional.ofNullable(settings.get("cron-zone"))
                    .map(String::valueOf)
                    .map(ZoneId::of)
                    .orElse(ZoneOffset.UTC);
            return new PollSchedule.Cron(String.valueOf(cron), zone);
        }
        Object interval = settings.get("interval");
        return new PollSchedule.Every(
                interval == null
                        ? PollSchedule.DEFAULT_INTERVAL
                        : ConfigValues.duration("balance-history.sources." + name + ".interval", interval));
    }

    /** {@code card-limit-totals: {card123: {daily: "2000.00", weekly: "5000.00"}}}, in the card's currency. */
    private static Map<String, Map<LimitPeriod, BigDecimal>> cardLimitTotalsOf(String source, Object value) {
        if (value == null) {
            return Map.of();
        }
        String key = "balance-history.sources." + source + ".card-limit-totals";
        if (!(value instanceof Map<?, ?> cards)) {
            throw new ConfigValues.ConfigurationError(key + ": must map card ids to {period: amount}");
        }
        Map<String, Map<LimitPeriod, BigDecimal>> totals = new LinkedHashMap<>();
        cards.forEach((card, periods) -> {
            if (!(periods instanceof Map<?, ?> byPeriod)) {
                throw new ConfigValues.ConfigurationError(key + "." + card + ": must map periods to amounts");
            }
            Map<LimitPeriod, BigDecimal> perPeriod = new EnumMap<>(LimitPeriod.class);
            byPeriod.forEach((period, amount) -> {
                String at = key + "." + card + "." + period;
                try {
                    perPeriod.put(LimitPeriod.fromApiName(String.valueOf(period)), ConfigValues.decimal(at, amount));
                } catch (IllegalArgumentException e) {
                    throw new ConfigValues.ConfigurationError(at + ": " + e.getMessage());
                }
            });
            totals.put(String.valueOf(card), perPeriod);
        });
        return totals;
    }

    private static String describe(PollSchedule schedule) {
        return schedule instanceof PollSchedule.Cron cron
                ? "at cron '" + cron.expression() + "' (" + cron.zone() + ")"
                : "every " + schedule.typicalInterval();
    }

    public List<Source> all() {
        return List.copyOf(sources);
    }

    /** Each source's typical poll interval, in the order configured. */
    public Map<String, Duration> typicalIntervals() {
        Map<String, Duration> bySource = new LinkedHashMap<>();
        sources.forEach(source -> bySource.put(source.name(), source.typicalInterval()));
        return bySource;
    }

    /** Source name to the reason it is not polled. */
    public Map<String, String> misconfigured() {
        return Map.copyOf(misconfigured);
    }

    public Optional<Source> byName(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
