package com.balancehistory.bootstrap.api;

import java.util.List;

/**
 * The API keys {@code application-demo.yml} publishes (they are in the README and printed at start-up). Anyone knows
 * them, so outside demo mode a configured key equal to one of them stops start-up. A test keeps this list equal to
 * the file's.
 */
final class PublishedDemoKeys {

    static final List<String> KEYS = List.of("demo-admin-key-change-me-0001", "demo-reader-key-change-me-0001");

    private PublishedDemoKeys() {}
}
