package com.balancehistory.bootstrap.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
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

    private final Environment environment;

    DemoApiKeyAnnouncer(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        List<?> keys =
                environment.getProperty(ApiSettingsReader.KEYS, List.class).orElse(List.of());
        String base = event.getSource().getURL().toString();
        for (Object entry : keys) {
            if (entry instanceof Map<?, ?> key
                    && key.get("key") != null
                    && String.valueOf(key.get("name")).startsWith("demo-")) {
                LOG.info(
                        "demo mode: {} API key '{}' -> curl -H 'Authorization: Bearer {}' {}/api/v1/balances",
                        key.get("role"),
                        key.get("key"),
                        key.get("key"),
                        base);
            }
        }
        LOG.info("demo mode: API documentation at {}/swagger-ui/index.html and {}/rapidoc/index.html", base, base);
        LOG.info("demo mode: dashboard at {}/ -> sign in with one of the API keys above", base);
    }
}
