package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.in.report.DeliverPayloadUseCase;
import com.balancehistory.application.port.in.report.DeliverPayloadUseCase.Outcome;
import com.balancehistory.application.port.in.report.SendOutboxUseCase;
import com.balancehistory.application.port.out.report.DeliveryOutbox;
import com.balancehistory.application.port.out.report.DeliveryOutbox.Claimed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The outbox worker: claims pending deliveries with a lease and sends each with the delivery service's retries and
 * backoff (every attempt recorded). A round that fails leaves the delivery pending until its lease ends, then it is
 * tried again, by whichever instance claims it; after {@code giveUpAfter} since it was written it is given up. A
 * delivery interrupted by shutdown is handed back at once for the next instance or start. Targets are looked up by
 * channel and shown name among those configured now, since their secrets are never stored.
 */
public final class OutboxService implements SendOutboxUseCase {

    private static final Logger LOG = Logger.getLogger(OutboxService.class.getName());

    /** How the worker claims: this many at a time, held this long, given up this long after being written. */
    public record Settings(int batch, Duration lease, Duration giveUpAfter) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(giveUpAfter, "giveUpAfter");
            if (batch < 1 || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("the outbox batch and lease must be positive");
            }
        }

        public static Settings defaults() {
            return new Settings(10, Duration.ofMinutes(5), Duration.ofHours(24));
        }
    }

    private final DeliveryOutbox outbox;
    private final DeliverPayloadUseCase delivery;
    private final List<DeliveryTarget> targets;
    private final Settings settings;
    private final String instance;
    private final Clock clock;

    /** @param targets every configured target (alerts and report schedules) that an outbox row may name */
    public OutboxService(
            DeliveryOutbox outbox,
            DeliverPayloadUseCase delivery,
            List<DeliveryTarget> targets,
            Settings settings,
            String instance,
            Clock clock) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.targets = List.copyOf(targets);
        this.settings = settings;
        this.instance = instance;
        this.clock = clock;
    }

    @Override
    public int sendDue() {
        int delivered = 0;
        List<Claimed> claimed = outbox.claim(instance, settings.batch(), settings.lease());
        for (int i = 0; i < claimed.size(); i++) {
            Claimed item = claimed.get(i);
            if (Thread.currentThread().isInterrupted()) {
                claimed.subList(i, claimed.size()).forEach(rest -> outbox.release(rest.id()));
                break;
            }
            if (send(item)) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean send(Claimed item) {
        String what = item.payload().subject() + " " + item.payload().subjectId() + " to " + item.channel() + " "
                + item.target();
        Optional<DeliveryTarget> target = targets.stream()
                .filter(t -> t.channel().equals(item.channel()) && t.describe().equals(item.target()))
                .findFirst();
        if (target.isEmpty()) {
            // during a rolling change of configuration another instance may know it: leave it to them until give-up
            giveUpOrRetry(item, what, "target not configured on this instance");
            return false;
        }
        Outcome outcome =
                delivery.deliver(item.payload(), List.of(target.get())).get(0);
        if (outcome.delivered()) {
            outbox.sent(item.id(), clock.instant());
            LOG.info("delivery " + item.id() + " of " + what + " sent (round " + item.round() + ", "
                    + outcome.attempts() + " attempts)");
            return true;
        }
        String error = outcome.lastError().orElse("failed");
        if (Thread.currentThread().isInterrupted()) {
            outbox.release(item.id());
            LOG.info("delivery " + item.id() + " of " + what + " handed back unsent: stopping");
        } else {
            giveUpOrRetry(item, what, error);
        }
        return false;
    }

    private void giveUpOrRetry(Claimed item, String what, String error) {
        Instant now = clock.instant();
        if (!now.isBefore(item.createdAt().plus(settings.giveUpAfter()))) {
            outbox.failed(item.id(), now, error);
            LOG.warning("delivery " + item.id() + " of " + what + " given up after " + settings.giveUpAfter() + ": "
                    + error);
        } else {
            outbox.failedRound(item.id(), error);
            LOG.warning("delivery " + item.id() + " of " + what + " failed round " + item.round()
                    + ", tried again after the lease (" + settings.lease() + "): " + error);
        }
    }
}
