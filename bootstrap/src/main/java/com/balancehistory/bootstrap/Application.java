package com.balancehistory.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts balance-history. {@code --demo} adds the built-in provider simulator with one source per provider, so the
 * service records real snapshots without any credentials.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
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
        Micronaut.build(micronautArgs.toArray(String[]::new))
                .mainClass(Application.class)
                .environments(environmentNames)
                .banner(false)
                .start();
    }

    /** Reads the datasource settings the service will use (every property source included) and checks them. */
    private static DatabasePreflight.Result checkDatabase(String[] environmentNames) {
        try (ApplicationContext configOnly = ApplicationContext.builder().environments(environmentNames).build()) {
            Environment environment = configOnly.getEnvironment().start();
            String url = environment.getProperty("datasources.default.url", String.class).orElse(null);
            String user = environment.getProperty("datasources.default.username", String.class).orElse(null);
            String password = environment.getProperty("datasources.default.password", String.class).orElse("");
            return DatabasePreflight.ensureDatabase(url, user, password);
        }
    }

    static String describe(String[] args) {
        return Arrays.toString(args);
    }
}
