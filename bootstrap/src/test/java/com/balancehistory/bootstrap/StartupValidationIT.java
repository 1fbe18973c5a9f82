package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration mistakes are reported when the service starts, by name, not found out from wrong behaviour later. */
class StartupValidationIT {

    @Test
    void an_api_key_with_an_unknown_role_refuses_start_naming_the_entry_and_the_allowed_roles() {
        Map<String, Object> properties = database();
        properties.put("balance-history.api.keys[0].name", "ops");
        properties.put("balance-history.api.keys[0].role", "superuser");
        properties.put("balance-history.api.keys[0].key", "a-long-enough-key-for-operations");

        assertThatThrownBy(() ->
                        ApplicationContext.run(EmbeddedServer.class, properties).close())
                .hasStackTraceContaining("balance-history.api.keys[0]")
                .hasStackTraceContaining("role 'superuser' is not reader, admin or metrics");
    }

    @Test
    void a_mistyped_key_under_a_source_leaves_that_source_out_naming_the_key() {
        Map<String, Object> properties = database();
        properties.put("balance-history.sources.typo.provider", "holyheld");
        properties.put("balance-history.sources.typo.base-url", "http://127.0.0.1:1");
        properties.put("balance-history.sources.typo.token", "a-token");
        properties.put("balance-history.sources.typo.intervall", "2s");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            ConfiguredSources sources = server.getApplicationContext().getBean(ConfiguredSources.class);
            assertThat(sources.all()).isEmpty();
            assertThat(sources.misconfigured()).containsOnlyKeys("typo");
            assertThat(sources.misconfigured().get("typo")).contains("unknown setting(s) [intervall]");
        }
    }

    @Test
    void a_mistyped_key_under_another_balance_history_section_is_reported_at_start_up_by_name() {
        Map<String, Object> properties = database();
        properties.put("balance-history.scheduler.tik", "1s");
        properties.put("balance-history.retension.raw-months", "3");

        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            assertThat(server.getApplicationContext()
                            .getBean(UnknownSettings.class)
                            .unknown())
                    .containsExactly("balance-history.retension", "balance-history.scheduler.tik");
        }
    }

    private static Map<String, Object> database() {
        TestDatabase db = TestDatabase.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.user());
        properties.put("datasources.default.password", db.password());
        properties.put("balance-history.scheduler.tick", "1h");
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
