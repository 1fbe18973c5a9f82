package com.balancehistory.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;

/**
 * Micronaut's launcher, closing the context when its start is refused: Micronaut leaves a context whose start failed
 * open, and with it the connection pool it had already opened, which in a JVM that goes on (tests, an embedding
 * launcher) holds PostgreSQL connections until the JVM ends.
 */
final class ServiceLauncher extends Micronaut {

    private ApplicationContext context;

    private ServiceLauncher() {}

    static ServiceLauncher launch(String... args) {
        ServiceLauncher launcher = new ServiceLauncher();
        launcher.args(args);
        return launcher;
    }

    @Override
    protected ApplicationContext newApplicationContext() {
        context = super.newApplicationContext();
        return context;
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        if (context != null) {
            RefusedStart.release(context, exception);
        }
        super.handleStartupException(environment, exception);
    }
}
