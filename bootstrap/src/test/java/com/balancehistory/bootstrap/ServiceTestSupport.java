package com.balancehistory.bootstrap;

import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;

/**
 * Base of tests that boot the whole service: it runs against this test run's own PostgreSQL database (see
 * {@link TestDatabase}) with the scheduler slowed down so that tests poll only when they ask to (see
 * {@link TestProperties#service()}). Subclasses add properties with {@link #moreProperties()} and must be annotated
 * {@code @MicronautTest @TestInstance(TestInstance.Lifecycle.PER_CLASS)}.
 */
public abstract class ServiceTestSupport implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.service()
                // @MicronautTest would run each test in a transaction rolled back at its end; these tests send real
                // HTTP requests, whose own transactions must see what the test wrote
                .with("micronaut.test.transactional", "false")
                .with(moreProperties())
                .asMap();
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }
}
