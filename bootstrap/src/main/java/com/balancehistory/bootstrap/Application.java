package com.balancehistory.bootstrap;

import com.balancehistory.bootstrap.logging.JulBridge;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Starts balance-history. {@code --demo} adds the built-in provider simulator with one source per provider, so the
 * service records real snapshots without any credentials.
 */
public final class Application {

    private Application() {}

    static final String USAGE = """
            Usage: java -jar bootstrap.jar [--demo] [--help]

              --demo   run with the built-in provider simulator, one source per provider, and two demo API keys
              --help   print this and exit

            Configuration: bootstrap/src/main/resources/application.yml holds the defaults. Override them with
              MICRONAUT_CONFIG_FILES=/etc/balance-history.yml   (comma-separated YAML files; see README)
              MICRONAUT_APPLICATION_JSON='{"balance-history": {...}}'
              or environment variables named after the keys (BALANCE_HISTORY_SCHEDULER_TICK=10s).

            Main environment variables:
              PORT                              HTTP port (default 8080)
              DATASOURCES_DEFAULT_URL           JDBC URL of PostgreSQL (default jdbc:postgresql://localhost:5432/balance_history)
              DATASOURCES_DEFAULT_USERNAME      database user (default postgres)
              DATASOURCES_DEFAULT_PASSWORD      database password
              ENDPOINTS_ALL_PORT                serve /health and /prometheus on this port instead
              LOG_FORMAT                        text (default) or json
              HOSTNAME                          this instance's name in the schedule (balance-history.instance-id)
            """;

    public static void main(String[] args) {
        JulBridge.install();
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Optional<String> problem = ConfigurationFiles.problem(
                Optional.ofNullable(System.getProperty("micronaut.config.files"))
                        .or(() -> Optional.ofNullable(System.getenv("MICRONAUT_CONFIG_FILES"))),
                Optional.ofNullable(System.getenv("LOG_FORMAT")));
        if (problem.isPresent()) {
            System.err.println(problem.get());
            System.exit(2);
        }
        List<String> environments = new ArrayList<>();
        List<String> micronautArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--demo")) {
                environments.add("demo");
            } else {
                micronautArgs.add(arg);
            }
        }
        String[] environmentNames = environments.toArray(String[]::new);
        DatabasePreflight.Result database = checkDatabase(environmentNames);
        if (!database.ok()) {
            System.err.println(database.message());
            System.exit(2);
        }
        ServiceLauncher.launch(micronautArgs.toArray(String[]::new))
                .mainClass(Application.class)
                .environments(environmentNames)
                .banner(false)
                .start();
    }

    /** Reads the datasource settings the service will use (every property source included) and checks them. */
    private static DatabasePreflight.Result checkDatabase(String[] environmentNames) {
        try (ApplicationContext configOnly =
                ApplicationContext.builder().environments(environmentNames).build()) {
            Environment environment = configOnly.getEnvironment().start();
            String url = environment
                    .getProperty("datasources.default.url", String.class)
                    .orElse(null);
            String user = environment
                    .getProperty("datasources.default.username", String.class)
                    .orElse(null);
            String password = environment
                    .getProperty("datasources.default.password", String.class)
                    .orElse("");
            return DatabasePreflight.ensureDatabase(url, user, password);
        }
    }

    static String describe(String[] args) {
        return Arrays.toString(args);
    }
}
