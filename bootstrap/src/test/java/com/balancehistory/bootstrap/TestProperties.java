package com.balancehistory.bootstrap;

import com.balancehistory.adapters.http.in.auth.ApiKey;
import com.balancehistory.db.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a service a test starts: {@link #service()} gives this test run's own database, a scheduler that
 * polls only when a test asks and a free port; API keys and anything else are added to it, or to {@link #none()} for
 * a test that adds them to {@link ServiceTestSupport}'s.
 */
public final class TestProperties {

    private final Map<String, String> values = new LinkedHashMap<>();
    private int keys;

    private TestProperties() {}

    /** This run's database, the scheduler slowed to an hourly tick, and a random free HTTP port. */
    public static TestProperties service() {
        TestDatabase db = TestDatabase.get();
        return new TestProperties()
                .with("datasources.default.url", db.jdbcUrl())
                .with("datasources.default.username", db.user())
                .with("datasources.default.password", db.password())
                .with("balance-history.scheduler.tick", "1h")
                // a random free port: application.yml names 8080, which another service or test run may hold
                .with("micronaut.server.port", "-1");
    }

    /** No settings yet. */
    public static TestProperties none() {
        return new TestProperties();
    }

    /** The next entry of {@code balance-history.api.keys}, its key in plain text. */
    public TestProperties apiKey(String name, String role, String key) {
        return key(name, role, "key", key);
    }

    /** The next entry of {@code balance-history.api.keys}, given by its key's SHA-256 as the README advises. */
    public TestProperties hashedApiKey(String name, String role, String key) {
        return key(name, role, "sha256", ApiKey.sha256Hex(key));
    }

    private TestProperties key(String name, String role, String field, String value) {
        String entry = "balance-history.api.keys[" + keys++ + "].";
        return with(entry + "name", name).with(entry + "role", role).with(entry + field, value);
    }

    public TestProperties with(String key, String value) {
        values.put(key, value);
        return this;
    }

    public TestProperties with(Map<String, String> more) {
        values.putAll(more);
        return this;
    }

    /** The settings, to add to or hand to a {@code TestPropertyProvider}. */
    public Map<String, String> asMap() {
        return new LinkedHashMap<>(values);
    }

    /** The settings as {@code ApplicationContext.run} takes them. */
    public Map<String, Object> asObjects() {
        return new LinkedHashMap<>(values);
    }
}
