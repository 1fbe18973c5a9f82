package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.application.model.poll.LiveInstances;
import com.balancehistory.db.testing.TestDatabase;
import com.balancehistory.simulator.ProviderSimulator;
import com.balancehistory.simulator.SimulatorSettings;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Three instances on one fresh database share nine sources: each source is polled by its rendezvous owner among the
 * live instances, every slot once; an instance that goes silent (as after kill -9, its heartbeat row left behind)
 * and one that stops gracefully (it deletes its row) both have their sources taken over within one interval plus the
 * affinity grace.
 */
class ThreeInstancesSchedulingIT {

    private static final Duration TICK = Duration.ofMillis(500);
    private static final Duration INTERVAL = Duration.ofMillis(1500);
    private static final Duration GRACE = Duration.ofSeconds(2);
    /** What a busy two-core host adds to a tick, or to a poll's start after its claim. */
    private static final Duration SLACK = Duration.ofMillis(700);

    private static final TestDatabase DATABASE = TestDatabase.get().sibling();
    private static final List<String> NODES = List.of("node-1", "node-2", "node-3");

    @Test
    void sources_spread_over_three_instances_and_a_stopped_instances_sources_move_within_interval_plus_grace()
            throws Exception {
        Map<String, String> keys = new LinkedHashMap<>();
        NODES.forEach(
                node -> keys.put(node, node + "/" + ProcessHandle.current().pid()));
        Map<String, String> owners = threeSourcesPerInstance(keys.values());
        try (ProviderSimulator provider =
                ProviderSimulator.start(SimulatorSettings.defaults().withPort(0))) {
            Map<String, ApplicationContext> running = new LinkedHashMap<>();
            try {
                for (String node : NODES) {
                    running.put(node, start(node, owners.keySet(), provider));
                }
                // the first instance up held every source until the others beat: let each source reach its owner
                Thread.sleep(INTERVAL.multipliedBy(3).toMillis());

                Instant from = Instant.now();
                Thread.sleep(INTERVAL.multipliedBy(4).toMillis());
                Map<String, List<Run>> shared = runsSince(from, owners.keySet());
                owners.forEach((source, owner) -> {
                    assertThat(shared.get(source))
                            .as("%s is polled by its owner only", source)
                            .extracting(Run::by)
                            .isNotEmpty()
                            .containsOnly(owner);
                    assertEverySlotOnce(source, shared.get(source), from, Instant.now());
                });
                assertThat(shared.values().stream()
                                .flatMap(List::stream)
                                .map(Run::by)
                                .distinct())
                        .as("each instance holds some sources")
                        .containsExactlyInAnyOrderElementsOf(keys.values());

                // node-3 goes silent as after kill -9: no more ticks, its heartbeat row stays
                running.get("node-3").getBean(GracefulPolls.class).shutdownGracefully();
                Instant silenced = Instant.now();
                assertThat(heartbeats()).contains(keys.get("node-3"));
                assertTakenOver(owners, keys.get("node-3"), silenced, keys.get("node-1"), keys.get("node-2"));
                running.remove("node-3").close();

                // node-2 stops gracefully: it leaves, and node-1 takes its sources over
                running.remove("node-2").close();
                Instant stopped = Instant.now();
                assertThat(heartbeats()).as("a graceful stop leaves").containsExactly(keys.get("node-1"));
                assertTakenOver(owners, keys.get("node-2"), stopped, keys.get("node-1"));

                Map<String, List<Run>> all = runsSince(Instant.EPOCH, owners.keySet());
                owners.keySet().forEach(source -> assertNoSlotTwice(source, all.get(source)));
            } finally {
                running.values().forEach(ApplicationContext::close);
            }
        }
    }

    /**
     * Nine source names, three owned by each instance while all three are live: which instance owns a name depends on
     * the process id in the instance keys, so the names are chosen once the keys are known.
     */
    private static Map<String, String> threeSourcesPerInstance(Collection<String> instances) {
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, Integer> held = new HashMap<>();
        for (int i = 0; owners.size() < 3 * instances.size(); i++) {
            String source = "shared-" + i;
            Map<String, Set<String>> live = new HashMap<>();
            instances.forEach(instance -> live.put(instance, Set.of(source)));
            String owner = new LiveInstances(live).ownerOf(source).orElseThrow();
            if (held.merge(owner, 1, Integer::sum) <= 3) {
                owners.put(source, owner);
            }
        }
        return owners;
    }

    private static ApplicationContext start(String node, Set<String> sources, ProviderSimulator provider) {
        Map<String, Object> p = new HashMap<>(new ServiceTestSupport() {}.getProperties());
        p.put("datasources.default.url", DATABASE.jdbcUrl());
        p.put("datasources.default.username", DATABASE.user());
        p.put("datasources.default.password", DATABASE.password());
        p.put("micronaut.server.enabled", "false");
        p.put("balance-history.instance-id", node);
        p.put("balance-history.scheduler.tick", TICK.toMillis() + "ms");
        p.put("balance-history.scheduler.affinity-grace", GRACE.toMillis() + "ms");
        for (String source : sources) {
            String prefix = "balance-history.sources." + source + ".";
            p.put(prefix + "provider", "holyheld");
            p.put(prefix + "base-url", provider.baseUrl());
            p.put(prefix + "token", provider.credentials().holyheldToken());
            p.put(prefix + "interval", INTERVAL.toMillis() + "ms");
        }
        return ApplicationContext.run(p);
    }

    /**
     * Each of the stopped instance's sources gets a scheduled poll from one of the others within interval plus
     * grace of the stop (plus a tick, as a slot is seen at the next tick), and stays with that instance afterwards.
     */
    private static void assertTakenOver(Map<String, String> owners, String stopped, Instant at, String... others)
            throws Exception {
        Duration bound = INTERVAL.plus(GRACE).plus(TICK).plus(SLACK);
        Thread.sleep(bound.plus(INTERVAL).toMillis());
        Map<String, List<Run>> after = runsSince(at, owners.keySet());
        owners.forEach((source, owner) -> {
            if (!owner.equals(stopped)) {
                return;
            }
            List<Run> runs = after.get(source);
            assertThat(runs).as("%s polled after %s stopped", source, stopped).isNotEmpty();
            assertThat(Duration.between(at, runs.get(0).startedAt()))
                    .as("%s taken over within interval + grace", source)
                    .isLessThanOrEqualTo(bound);
            assertThat(runs).extracting(Run::by).containsAnyOf(others).doesNotContain(stopped);
        });
    }

    /** Between two scheduled polls of the source lies one interval: no slot left out, none run twice. */
    private static void assertEverySlotOnce(String source, List<Run> runs, Instant from, Instant to) {
        List<Instant> times = new ArrayList<>();
        times.add(from);
        runs.forEach(run -> times.add(run.startedAt()));
        times.add(to);
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.between(times.get(i - 1), times.get(i)))
                    .as("%s: gap before its poll %d", source, i)
                    .isLessThanOrEqualTo(INTERVAL.plus(TICK).plus(SLACK));
        }
        assertNoSlotTwice(source, runs);
    }

    private static void assertNoSlotTwice(String source, List<Run> runs) {
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1).startedAt(), runs.get(i).startedAt()))
                    .as("%s: its polls %d and %d are one slot apart", source, i - 1, i)
                    .isGreaterThanOrEqualTo(INTERVAL.minus(Duration.ofMillis(300)));
        }
    }

    private record Run(Instant startedAt, String by) {}

    /** Every source's scheduled runs that started after {@code from}, oldest first. */
    private static Map<String, List<Run>> runsSince(Instant from, Set<String> sources) throws SQLException {
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        sources.forEach(source -> runs.put(source, new ArrayList<>()));
        try (Connection connection = DATABASE.connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT requested_source, started_at, run_by FROM poll_run"
                                + " WHERE trigger = 'schedule' AND started_at > ? ORDER BY started_at")) {
            statement.setObject(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                runs.get(rows.getString(1))
                        .add(new Run(rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3)));
            }
        }
        return runs;
    }

    private static List<String> heartbeats() throws SQLException {
        try (Connection connection = DATABASE.connect();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT instance FROM scheduler_instance ORDER BY instance")) {
            ResultSet rows = statement.executeQuery();
            List<String> instances = new ArrayList<>();
            while (rows.next()) {
                instances.add(rows.getString(1));
            }
            return instances;
        }
    }
}
