package com.balancehistory.db.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database of one test run: created empty with every migration applied, dropped when the JVM exits,
 * so reruns and parallel runs never share data.
 *
 * <p>Where the server comes from, first match wins:
 * <ol>
 *   <li>{@code BALANCE_HISTORY_TEST_DB_URL} (environment or system property), an admin JDBC URL such as
 *       {@code jdbc:postgresql://db:5432/postgres?user=postgres&password=secret};</li>
 *   <li>a Testcontainers PostgreSQL, where a Docker engine answers;</li>
 *   <li>{@code jdbc:postgresql://localhost:5432/postgres} as user {@code postgres}.</li>
 * </ol>
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "BALANCE_HISTORY_TEST_DB_URL";
    private static final long MIGRATION_LOCK_KEY = 0x6268_6d69_6772L;
    private static final String LOCAL_ADMIN_URL = "jdbc:postgresql://localhost:5432/postgres?user=postgres";

    private static TestDatabase instance;
    private static RuntimeException unavailable;

    private final String adminUrl;
    private final String databaseName;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private TestDatabase(String adminUrl, String user, String password) {
        this(
                adminUrl,
                user,
                password,
                "bh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private TestDatabase(String adminUrl, String user, String password, String databaseName) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.databaseName = databaseName;
        this.jdbcUrl = replaceDatabase(adminUrl, databaseName);
    }

    /** The database of this test run, created and migrated on first use. */
    public static synchronized TestDatabase get() {
        if (unavailable != null) {
            throw unavailable;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                unavailable = e;
                throw e;
            }
        }
        return instance;
    }

    private static TestDatabase start() {
        String configured = System.getProperty(URL_VARIABLE, System.getenv(URL_VARIABLE));
        TestDatabase db;
        if (configured != null && !configured.isBlank()) {
            db = new TestDatabase(configured, null, null);
        } else if (dockerLooksAvailable()) {
            db = ContainerServer.start();
        } else {
            db = new TestDatabase(LOCAL_ADMIN_URL, null, null);
        }
        db.create();
        db.migrate();
        Runtime.getRuntime().addShutdownHook(new Thread(db::drop, "drop-test-database"));
        return db;
    }

    /**
     * Checked before asking Testcontainers, whose own probe logs a multi-line ERROR on machines without Docker.
     */
    private static boolean dockerLooksAvailable() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        return Files.exists(Path.of("/var/run/docker.sock")) && ContainerServer.dockerAnswers();
    }

    static TestDatabase forServer(String adminUrl, String user, String password) {
        return new TestDatabase(adminUrl, user, password);
    }

    private void create() {
        try (Connection admin = openAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName);
        } catch (SQLException e) {
            throw new TestDatabaseUnavailable(describeFailure(e));
        }
    }

    /**
     * Serialised across every test run on the server: the migrations alter a cluster-wide role, and two runs doing
     * that at once fail with "tuple concurrently updated". The lock lives in the admin database all runs share.
     */
    private void migrate() {
        migrate("latest");
    }

    private void migrate(String targetVersion) {
        try (Connection admin = openAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
            Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations("classpath:db/migration")
                    .target(targetVersion)
                    .load()
                    .migrate();
        } catch (SQLException e) {
            throw new TestDatabaseUnavailable(describeFailure(e));
        }
    }

    private void drop() {
        try (Connection admin = openAdmin();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + databaseName + ": " + e.getMessage());
        }
    }

    private Connection openAdmin() throws SQLException {
        return user == null
                ? DriverManager.getConnection(adminUrl)
                : DriverManager.getConnection(adminUrl, user, password);
    }

    /** A new connection to this run's database (caller closes it). */
    public Connection connect() throws SQLException {
        return user == null
                ? DriverManager.getConnection(jdbcUrl)
                : DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** JDBC URL of this run's database; user and password may be embedded in it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user to connect as, or "postgres" when the URL does not name one. */
    public String user() {
        if (user != null) {
            return user;
        }
        String fromUrl = queryParameter(jdbcUrl, "user");
        return fromUrl == null ? "postgres" : fromUrl;
    }

    public String password() {
        if (password != null) {
            return password;
        }
        String fromUrl = queryParameter(jdbcUrl, "password");
        return fromUrl == null ? "" : fromUrl;
    }

    public String databaseName() {
        return databaseName;
    }

    /** Creates another empty, migrated database on the same server (for tests that need a pristine one). */
    public TestDatabase sibling() {
        TestDatabase other = new TestDatabase(adminUrl, user, password);
        other.create();
        other.migrate();
        Runtime.getRuntime().addShutdownHook(new Thread(other::drop, "drop-test-database"));
        return other;
    }

    /**
     * A database of this name on the same server that outlives the JVM: created when absent, and brought up to the
     * latest migration either way. For benchmarks whose data takes long to generate; drop it by hand when done.
     *
     * @return the database, and whether it was created now (so holds no data yet)
     */
    public Kept kept(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        TestDatabase other = new TestDatabase(adminUrl, user, password, name);
        boolean created;
        try (Connection admin = openAdmin();
                Statement statement = admin.createStatement();
                var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            created = !exists.next();
        } catch (SQLException e) {
            throw new TestDatabaseUnavailable(describeFailure(e));
        }
        if (created) {
            other.create();
        }
        other.migrate();
        return new Kept(other, created);
    }

    /** A database kept between runs, see {@link #kept(String)}. */
    public record Kept(TestDatabase database, boolean created) {

        /** Drops it (for data generated by an older version of its generator) and creates it again, migrated. */
        public Kept recreated() {
            database.drop();
            database.create();
            database.migrate();
            return new Kept(database, true);
        }
    }

    /** Another database on the same server, migrated only up to {@code version}: the start of an upgrade test. */
    public TestDatabase siblingAtVersion(String version) {
        TestDatabase other = new TestDatabase(adminUrl, user, password);
        other.create();
        Runtime.getRuntime().addShutdownHook(new Thread(other::drop, "drop-test-database"));
        other.migrate(version);
        return other;
    }

    /** Applies every migration not applied yet, as a service upgrading this database would at start-up. */
    public void upgrade() {
        migrate();
    }

    private String describeFailure(SQLException e) {
        String where = adminUrl.replaceAll("password=[^&]*", "password=***");
        return "No PostgreSQL for the tests at " + where + " (" + firstLine(e.getMessage()) + "). "
                + "Start the local server (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), "
                + "or set " + URL_VARIABLE + " to an admin JDBC URL of a server where this user may CREATE DATABASE, "
                + "or make a Docker engine available for Testcontainers.";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static String replaceDatabase(String url, String database) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must start with jdbc:postgresql://, got " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:postgresql://" + uri.getRawAuthority() + "/" + database + query;
    }

    private static String queryParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).toLowerCase(Locale.ROOT).equals(name)) {
                return pair.substring(eq + 1);
            }
        }
        return null;
    }

    /** Why the tests cannot run: one line, without a stack trace to wade through. */
    public static final class TestDatabaseUnavailable extends RuntimeException {
        TestDatabaseUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** Kept apart so that Testcontainers classes load only where Docker may answer. */
    private static final class ContainerServer {

        static boolean dockerAnswers() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        @SuppressWarnings("resource") // lives until the JVM exits; Ryuk removes it
        static TestDatabase start() {
            var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            String admin = TestDatabase.replaceDatabase(container.getJdbcUrl(), "postgres");
            return TestDatabase.forServer(admin, container.getUsername(), container.getPassword());
        }
    }
}
