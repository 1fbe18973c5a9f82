package com.balancehistory.bootstrap;

import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that boot the whole service: it runs against this test run's own PostgreSQL database (see
 * {@link TestDatabase}) with the scheduler slowed down so that tests poll only when they ask to. Subclasses add
 * properties with {@link #moreProperties()} and must be annotated
 * {@code @MicronautTest @TestInstance(TestInstance.Lifecycle.PER_CLASS)}.
 */
public abstract class ServiceTestSupport implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        TestDatabase db = TestDatabase.get();
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", db.jdbcUrl());
        properties.put("datasources.default.username", db.user());
        properties.put("datasources.default.password", db.password());
        properties.put("balance-history.scheduler.tick", "1h");
        // @MicronautTest would run each test in a transaction rolled back at its end (there is a transaction manager
        // now); these tests send real HTTP requests, whose own transactions must see what the test wrote
        properties.put("micronaut.test.transactional", "false");
        // a random free port: application.yml names 8080, which another service or test run may hold
        properties.put("micronaut.server.port", "-1");
        properties.putAll(moreProperties());
        return properties;
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }
}
