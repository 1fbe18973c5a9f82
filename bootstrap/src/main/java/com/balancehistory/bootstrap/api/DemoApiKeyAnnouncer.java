package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In demo mode only: prints the demo API keys from {@code application-demo.yml} so the API can be tried at once.
 * Real keys are never printed; outside the demo environment this bean does not exist.
 */
@Singleton
@Requires(env = "demo")
class DemoApiKeyAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApiKeyAnnouncer.class);

    private final List<ApiKeyProperties> keys;

    DemoApiKeyAnnouncer(List<ApiKeyProperties> keys) {
        this.keys = keys;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        String base = event.getSource().getURL().toString();
        keys.stream()
                .sorted(Comparator.comparing(ApiKeyProperties::index))
                .filter(key ->
                        key.key() != null && key.name() != null && key.name().startsWith("demo-"))
                .forEach(key -> LOG.info(
                        "demo mode: {} API key '{}' -> curl -H 'Authorization: Bearer {}' {}/api/v1/balances",
                        key.role(),
                        key.key(),
                        key.key(),
                        base));
        LOG.info("demo mode: API documentation at {}/swagger-ui/index.html and {}/rapidoc/index.html", base, base);
        LOG.info("demo mode: dashboard at {}/ -> sign in with one of the API keys above", base);
    }
}
