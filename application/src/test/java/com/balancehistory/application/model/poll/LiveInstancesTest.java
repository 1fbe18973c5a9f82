package com.balancehistory.application.model.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LiveInstancesTest {

    private static final List<String> SOURCES =
            IntStream.range(0, 1200).mapToObj(i -> "source-" + i).toList();

    @Test
    void sources_spread_evenly_over_three_instances() {
        Map<String, String> owners = owners(live("host-1/17", "host-2/17", "host-3/17"));

        Map<String, Long> held =
                owners.values().stream().collect(Collectors.groupingBy(owner -> owner, Collectors.counting()));
        assertThat(held).containsOnlyKeys("host-1/17", "host-2/17", "host-3/17");
        // 400 each on average; a binomial spread stays well within 340..460
        assertThat(held.values()).allSatisfy(count -> assertThat(count).isBetween(340L, 460L));
    }

    @Test
    void a_fourth_instance_takes_about_a_quarter_of_the_sources_and_nothing_else_moves() {
        Map<String, String> before = owners(live("host-1/17", "host-2/17", "host-3/17"));
        Map<String, String> after = owners(live("host-1/17", "host-2/17", "host-3/17", "host-4/17"));

        List<String> moved = SOURCES.stream()
                .filter(source -> !before.get(source).equals(after.get(source)))
                .toList();
        assertThat(moved).allSatisfy(source -> assertThat(after.get(source)).isEqualTo("host-4/17"));
        assertThat(moved.size()).isBetween(240, 360); // a quarter of 1200 is 300
    }

    @Test
    void when_an_instance_leaves_only_its_sources_move_and_the_owner_is_the_same_whatever_the_order() {
        Map<String, String> before = owners(live("host-1/17", "host-2/17", "host-3/17"));
        Map<String, String> after = owners(live("host-3/17", "host-1/17"));

        SOURCES.forEach(source -> {
            if (!before.get(source).equals("host-2/17")) {
                assertThat(after.get(source)).as(source).isEqualTo(before.get(source));
            }
        });
        assertThat(after.values()).doesNotContain("host-2/17");
    }

    @Test
    void a_source_belongs_only_to_an_instance_configured_with_it() {
        Map<String, Set<String>> sources = new HashMap<>();
        sources.put("old/1", Set.of("a"));
        sources.put("new/2", Set.of("a", "b"));
        LiveInstances live = new LiveInstances(sources);

        assertThat(live.ownerOf("b")).contains("new/2");
        assertThat(live.owns("old/1", "b")).isFalse();
        assertThat(live.ownerOf("c")).isEmpty();
        assertThat(LiveInstances.none().ownerOf("a")).isEmpty();
    }

    @Test
    void the_weight_is_a_stable_hash_of_source_and_instance_that_keeps_the_names_apart() {
        // the same number in every JVM and release: instances of different builds must agree on the owners
        assertThat(LiveInstances.weight("ahrvo-main", "host-1/17")).isEqualTo(-299357990391462648L);
        assertThat(LiveInstances.weight("ab", "c")).isNotEqualTo(LiveInstances.weight("a", "bc"));
    }

    private static LiveInstances live(String... instances) {
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        for (String instance : instances) {
            sources.put(instance, Set.copyOf(SOURCES));
        }
        return new LiveInstances(sources);
    }

    private static Map<String, String> owners(LiveInstances live) {
        return SOURCES.stream()
                .collect(Collectors.toMap(
                        source -> source, source -> live.ownerOf(source).orElseThrow()));
    }
}
