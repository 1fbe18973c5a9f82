package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.balancehistory.bootstrap.api.ApiKeyProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The build writes configuration metadata for the bound settings, so IDEs complete and document the keys. Read from
 * this module's own output (classes or jar), not from the many metadata files of Micronaut's jars.
 */
class ConfigurationMetadataTest {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    @Test
    void the_module_output_holds_metadata_for_the_main_keys() throws IOException {
        List<String> names = propertyNames();

        assertThat(names)
                .contains(
                        "balance-history.api.keys[*].name",
                        "balance-history.api.keys[*].role",
                        "balance-history.api.keys[*].sha256",
                        "balance-history.api.keys[*].key",
                        "balance-history.api.keys.*.sha256",
                        "balance-history.api.failed-key-throttle.max-failures",
                        "balance-history.api.failed-key-throttle.window",
                        "balance-history.api.max-raw-points",
                        "balance-history.api.exports.max-concurrent",
                        "balance-history.fx.stale-after",
                        "balance-history.low-balance.currencies",
                        "balance-history.low-balance.accounts[*].threshold",
                        "balance-history.health-tiers.*.tiers",
                        "balance-history.health-tiers.*.floor-score",
                        "balance-history.alerts.cooldown",
                        "balance-history.alerts.significant-change-window",
                        "balance-history.alerts.low-limit",
                        "balance-history.alerts.deliver.webhook.url",
                        "balance-history.reports.catch-up-grace",
                        "balance-history.reports.schedules.*.cron",
                        "balance-history.reports.schedules.*.catch-up",
                        "balance-history.reports.schedules.*.convert-to",
                        "balance-history.reports.schedules.*.deliver.directory",
                        "balance-history.reports.schedules.*.deliver.webhook.secret",
                        "balance-history.delivery.max-attempts",
                        "balance-history.delivery.timeout",
                        "balance-history.outbox.give-up-after");
    }

    @Test
    void durations_are_described_as_durations() throws IOException {
        String metadata = metadata();

        assertThat(metadata)
                .containsPattern("\"name\"\\s*:\\s*\"balance-history.api.failed-key-throttle.window\",\\s*"
                        + "\"type\"\\s*:\\s*\"java.time.Duration\"");
    }

    private static List<String> propertyNames() throws IOException {
        return Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(metadata())
                .results()
                .map(match -> match.group(1))
                .toList();
    }

    private static String metadata() throws IOException {
        URL output =
                ApiKeyProperties.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader own = new URLClassLoader(new URL[] {output}, null)) {
            URL resource = own.getResource(METADATA);
            assertThat(resource).as(METADATA + " in " + output).isNotNull();
            try (InputStream in = resource.openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
