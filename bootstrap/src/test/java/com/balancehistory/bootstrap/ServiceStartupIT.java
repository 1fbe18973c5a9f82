package com.balancehistory.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceStartupIT extends ServiceTestSupport {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ConfiguredSources sources;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of(
                "balance-history.sources.broken.provider", "no-such-provider",
                "balance-history.sources.broken.base-url", "http://127.0.0.1:1");
    }

    @Test
    void health_endpoint_reports_up_to_anonymous_callers_without_naming_the_database() {
        String health = client.toBlocking().retrieve(HttpRequest.GET("/health"));

        assertThat(health).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void a_misconfigured_source_is_reported_by_name_and_left_out() {
        assertThat(sources.misconfigured()).containsKey("broken");
        assertThat(sources.misconfigured().get("broken")).contains("no-such-provider");
        assertThat(sources.all()).noneMatch(source -> source.name().equals("broken"));
    }
}
