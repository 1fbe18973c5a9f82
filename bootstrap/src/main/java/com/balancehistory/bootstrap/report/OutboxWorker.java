package com.balancehistory.bootstrap.report;

import com.balancehistory.application.port.in.report.SendOutboxUseCase;
import com.balancehistory.bootstrap.GracefulPolls;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the delivery outbox in the background, never on a request thread: alert notifications and report deliveries
 * written with what they announce. On shutdown it claims nothing more and interrupts the round in progress (a
 * backoff wait can be minutes), whose delivery is then handed back unsent, claimable at once by the next instance or
 * start instead of after its lease.
 */
@Singleton
class OutboxWorker implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final SendOutboxUseCase outbox;
    private final GracefulPolls shutdown;
    private final AtomicReference<Thread> sending = new AtomicReference<>();
    private volatile boolean stopping;

    OutboxWorker(SendOutboxUseCase outbox, GracefulPolls shutdown) {
        this.outbox = outbox;
        this.shutdown = shutdown;
    }

    @Scheduled(fixedDelay = "${balance-history.outbox.every:2s}", initialDelay = "${balance-history.outbox.every:2s}")
    void tick() {
        if (stopping || shutdown.stopping()) {
            return;
        }
        sending.set(Thread.currentThread());
        try {
            if (!stopping) {
                outbox.sendDue();
            }
        } catch (RuntimeException e) {
            LOG.error("sending the delivery outbox failed", e);
        } finally {
            sending.set(null);
            Thread.interrupted(); // the stop's interrupt was for this round, not for the scheduler's thread
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        stopping = true;
        Thread round = sending.get();
        if (round == null) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("stopping: handing back the delivery being sent");
        round.interrupt();
        return CompletableFuture.runAsync(() -> {
            while (sending.get() != null) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }
}
