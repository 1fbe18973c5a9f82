package com.balancehistory.bootstrap.logging;

import io.micronaut.context.annotation.Context;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (the application services log through it, being free of frameworks) to SLF4J, so every
 * line has one format. Installed by {@code Application.main} before anything logs, and here for embedded contexts.
 */
@Context
public final class JulBridge {

    JulBridge() {
        install();
    }

    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
