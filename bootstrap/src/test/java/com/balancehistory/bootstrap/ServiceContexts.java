package com.balancehistory.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;

/**
 * Starts the service in a test and closes it again when its start is refused: {@code ApplicationContext.run} leaves
 * such a context open with its connection pool for the rest of the test JVM.
 */
public final class ServiceContexts {

    private ServiceContexts() {}

    /** The started HTTP server of a new context, or the start's failure with the context closed. */
    public static EmbeddedServer runServer(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder(properties).build();
        try {
            context.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            return server;
        } catch (RuntimeException | Error failure) {
            RefusedStart.release(context, failure);
            throw failure;
        }
    }
}
