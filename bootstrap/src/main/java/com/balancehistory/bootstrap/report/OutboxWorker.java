package com.balancehistory.bootstrap.report;

import com.balancehistory.application.port.in.report.SendOutboxUseCase;
import com.balancehistory.bootstrap.GracefulPolls;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the delivery outbox in the background, never on a request thread: alert notifications and report deliveries
 * written with what they announce. Once shutdown began it claims nothing more; a delivery cut short by the stop is
 * handed back for the next instance or start.
 */
@Singleton
class OutboxWorker {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final SendOutboxUseCase outbox;
    private final GracefulPolls shutdown;

    OutboxWorker(SendOutboxUseCase outbox, GracefulPolls shutdown) {
        this.outbox = outbox;
        this.shutdown = shutdown;
    }

    @Scheduled(fixedDelay = "${balance-history.outbox.every:2s}", initialDelay = "${balance-history.outbox.every:2s}")
    void tick() {
        if (shutdown.stopping()) {
            return;
        }
        try {
            outbox.sendDue();
        } catch (RuntimeException e) {
            LOG.error("sending the delivery outbox failed", e);
        }
    }
}
