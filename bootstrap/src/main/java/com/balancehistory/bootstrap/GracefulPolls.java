package com.balancehistory.bootstrap;

import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On SIGTERM (Micronaut's graceful shutdown, bounded by {@code micronaut.lifecycle.graceful-shutdown.grace-period}):
 * the schedulers stop claiming polls and report runs, and the polls already running finish, each source's transaction
 * included, before the database pool closes.
 */
@Singleton
public class GracefulPolls implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulPolls.class);

    private final ExecutorService polls;
    private volatile boolean stopping;

    GracefulPolls(@Named("polls") ExecutorService polls) {
        this.polls = polls;
    }

    /** True once shutdown began: claim no more polls or report runs. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopping = true;
        polls.shutdown();
        LOG.info("stopping: no new polls or report runs; waiting for the running polls to finish");
        return CompletableFuture.runAsync(() -> {
            try {
                while (!polls.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    Thread.onSpinWait();
                }
                LOG.info("running polls finished");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
