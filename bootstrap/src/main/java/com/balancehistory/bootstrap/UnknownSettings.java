package com.balancehistory.bootstrap;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports at start-up, by name, every {@code balance-history} key the service does not read, so a mistyped one
 * ({@code scheduler.tik}) is seen instead of silently leaving its default in force. Sources check their own keys
 * (see {@link ConfiguredSources}); sections with free-form keys (currencies) are checked by their readers; report schedules and delivery
 * targets here.
 */
@Context
public class UnknownSettings {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownSettings.class);
    static final String PREFIX = "balance-history";

    /** Top-level sections; a null set means its keys are free-form or checked where they are read. */
    private static final Map<String, Set<String>> SECTIONS = Map.ofEntries(
            Map.entry(
                    "alerts",
                    Set.of(
                            "hysteresis",
                            "cooldown",
                            "stale-intervals",
                            "significant-change-window",
                            "top-up-settled-window",
                            "low-limit",
                            "deliver",
                            "low-balance",
                            "low-limit-utilization")),
            Map.entry("analysts", Set.of()),
            Map.entry("api", Set.of("keys", "failed-key-throttle", "exports", "max-raw-points")),
            Map.entry("dashboard", Set.of()),
            Map.entry("health-tiers", Set.of()),
            Map.entry("labels", Set.of("rules")),
            Map.entry("fx", Set.of("rates", "stale-after")),
            Map.entry("low-balance", Set.of("currencies", "accounts")),
            Map.entry("notifications", Set.of()),
            Map.entry("reports", Set.of("enabled", "tick", "catch-up-grace", "schedules")),
            Map.entry("sources", Set.of()),
            Map.entry("instance-id", Set.of()),
            Map.entry("scheduler", Set.of("tick", "affinity-grace")),
            Map.entry("retention", Set.of("raw-months", "raw-responses")),
            Map.entry("partitions", Set.of("months-ahead")),
            Map.entry("rollup", Set.of("every")),
            Map.entry("polls", Set.of("heartbeat", "interrupted-after")),
            Map.entry("delivery", Set.of("initial-backoff", "max-attempts", "max-backoff", "timeout")),
            Map.entry("outbox", Set.of("every", "lease", "give-up-after")),
            Map.entry("demo", Set.of("interval", "speed")),
            Map.entry("health", Set.of("database-timeout")),
            Map.entry("metrics", Set.of("max-account-series")),
            Map.entry("changes", Set.of("significant-percent", "significant-amounts")),
            Map.entry("top-ups", Set.of("noise-amount", "noise-percent")));

    private static final String SCHEDULES = PREFIX + ".reports.schedules";
    private static final Set<String> SCHEDULE_KEYS =
            Set.of("enabled", "cron", "zone", "type", "catch-up", "group-by", "convert-to", "deliver");
    private static final Set<String> DELIVER_KEYS = Set.of("directory", "webhook", "log");

    private final List<String> unknown;

    UnknownSettings(Environment environment) {
        List<String> found = new ArrayList<>();
        for (String section : new TreeSet<>(environment.getPropertyEntries(PREFIX))) {
            Set<String> keys = SECTIONS.get(section);
            if (keys == null) {
                found.add(PREFIX + "." + section);
            } else if (!keys.isEmpty()) {
                for (String key : new TreeSet<>(environment.getPropertyEntries(PREFIX + "." + section))) {
                    if (!keys.contains(key)) {
                        found.add(PREFIX + "." + section + "." + key);
                    }
                }
            }
        }
        for (String schedule : new TreeSet<>(environment.getPropertyEntries(SCHEDULES))) {
            String key = SCHEDULES + "." + schedule;
            found.addAll(unknownIn(environment, key, SCHEDULE_KEYS));
            found.addAll(unknownIn(environment, key + ".deliver", DELIVER_KEYS));
        }
        found.addAll(unknownIn(environment, PREFIX + ".alerts.deliver", DELIVER_KEYS));
        unknown = List.copyOf(found);
        if (!unknown.isEmpty()) {
            LOG.warn(
                    "unknown configuration key(s) {}: they are ignored; known sections are {}",
                    unknown,
                    new TreeSet<>(SECTIONS.keySet()));
        }
    }

    private static List<String> unknownIn(Environment environment, String prefix, Set<String> keys) {
        return new TreeSet<>(environment.getPropertyEntries(prefix))
                .stream()
                        .filter(key -> !keys.contains(key))
                        .map(key -> prefix + "." + key)
                        .toList();
    }

    /** The keys under {@code balance-history} that nothing reads, in full. */
    public List<String> unknown() {
        return unknown;
    }
}
