package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Environment variables that set a setting of no configured source are named, so they are not ignored unseen. */
class SourceVariablesTest {

    @Test
    void a_variable_of_a_configured_source_is_matched_and_one_of_no_source_is_named() {
        Map<String, String> environment = Map.of(
                "BALANCE_HISTORY_SOURCES_AHRVO_MAIN_API_KEY", "secret",
                "BALANCE_HISTORY_SOURCES_ENVONE_PROVIDER", "holyheld",
                "BALANCE_HISTORY_SOURCES_ENVONE_TOKEN", "secret",
                "BALANCE_HISTORY_API_KEYS_BENCH_SHA256", "ab",
                "PATH", "/usr/bin");

        assertThat(ConfiguredSources.unmatchedSourceVariables(environment, List.of("ahrvo-main", "holyheld-bot1")))
                .containsExactly("BALANCE_HISTORY_SOURCES_ENVONE_PROVIDER", "BALANCE_HISTORY_SOURCES_ENVONE_TOKEN");
    }

    @Test
    void without_such_variables_nothing_is_named() {
        assertThat(ConfiguredSources.unmatchedSourceVariables(Map.of("HOME", "/root"), List.of()))
                .isEmpty();
    }
}
