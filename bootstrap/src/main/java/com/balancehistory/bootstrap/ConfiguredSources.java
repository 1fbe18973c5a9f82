package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.out.common.CircuitBreakingProvider;
import com.balancehistory.application.port.out.BalanceProvider;
import com.balancehistory.domain.limit.LimitPeriod;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sources from {@code balance-history.sources} ({@link SourceProperties}, plus the simulator's in demo mode). A
 * misconfigured source is reported by name at start-up and left out; the others still run.
 */
@Singleton
public class ConfiguredSources {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredSources.class);

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

    ConfiguredSources(
            Environment environment,
            List<SourceProperties> configured,
            ProviderBuilder builder,
            Optional<DemoSources> demo) {
        demo.ifPresent(
                d -> d.sources().forEach(source -> add(source.connection().name(), builder, () -> source)));
        // in the order they are configured, as the resolver lists them
        List<String> order = new ArrayList<>(environment.getPropertyEntries(SourceProperties.PREFIX));
        configured.stream()
                .sorted(Comparator.comparingInt(source -> order.indexOf(source.name())))
                .forEach(source -> add(
                        source.name(),
                        builder,
                        () -> SourceBinding.read(environment, source).orElse(null)));
        unmatchedSourceVariables(
                        System.getenv(),
                        configured.stream().map(SourceProperties::name).toList())
                .forEach(variable -> LOG.warn(
                        "environment variable {} sets a setting of no configured source, and is ignored: define the"
                                + " source in a configuration file or MICRONAUT_APPLICATION_JSON; environment variables"
                                + " can set the settings of a source defined there",
                        variable));
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

    /**
     * The variables named like a source's setting ({@code BALANCE_HISTORY_SOURCES_<NAME>_<KEY>}) whose name matches
     * no configured source. Micronaut cannot tell from such a name where the source's name ends and the key begins
     * ({@code AHRVO_MAIN_BASE_URL}), so a source is never defined by environment variables alone; without this its
     * variables would be ignored without a word.
     */
    static List<String> unmatchedSourceVariables(Map<String, String> environment, Collection<String> sourceNames) {
        String prefix = "BALANCE_HISTORY_SOURCES_";
        List<String> prefixes = sourceNames.stream()
                .map(name -> prefix + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_")
                .toList();
        return environment.keySet().stream()
                .filter(variable -> variable.startsWith(prefix))
                .filter(variable -> prefixes.stream().noneMatch(variable::startsWith))
                .sorted()
                .toList();
    }

    private void add(String name, ProviderBuilder builder, Supplier<SourceBinding.Definition> definition) {
        try {
            SourceBinding.Definition source = definition.get();
            if (source == null) {
                LOG.info("source '{}' is disabled", name);
                return;
            }
            sources.add(
                    new Source(name, builder.build(source.connection()), source.schedule(), source.cardLimitTotals()));
        } catch (RuntimeException e) {
            misconfigured.put(name, e.getMessage());
        }
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
