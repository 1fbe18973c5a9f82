package com.balancehistory.adapters.persistence;

import com.balancehistory.db.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/**
 * The Micronaut Data repositories on this test run's own database. They are beans generated at compile time, so they
 * need an ApplicationContext with the DataSource: one for the whole run, closed when the JVM exits.
 */
final class Repositories {

    private static ApplicationContext context;

    private Repositories() {}

    static synchronized <T> T get(Class<T> repository) {
        if (context == null) {
            TestDatabase db = TestDatabase.get();
            context = ApplicationContext.run(Map.of(
                    "datasources.default.url", db.jdbcUrl(),
                    "datasources.default.username", db.user(),
                    "datasources.default.password", db.password(),
                    "datasources.default.maximum-pool-size", "4"));
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context.getBean(repository);
    }
}
