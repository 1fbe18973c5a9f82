package com.balancehistory.application.service.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.in.report.DeliverPayloadUseCase;
import com.balancehistory.application.port.out.report.DeliveryChannel;
import com.balancehistory.application.port.out.report.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivers a payload to each target, retrying failures with capped exponential backoff and recording every attempt.
 * A delivery that fails for good is recorded and reported, never thrown: what was delivered is already stored.
 */
public final class DeliveryService implements DeliverPayloadUseCase {

    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<DeliveryChannel> channels;
    private final DeliveryLog log;
    private final DeliverySettings settings;
    private final Clock clock;
    private final Pause pause;

    public DeliveryService(
            List<DeliveryChannel> channels, DeliveryLog log, DeliverySettings settings, Clock clock, Pause pause) {
        this.channels = List.copyOf(channels);
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
    }

    @Override
    public List<Outcome> deliver(DeliveryPayload payload, List<DeliveryTarget> targets) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DeliveryTarget target : targets) {
            outcomes.add(deliverTo(payload, target));
        }
        return outcomes;
    }

    private Outcome deliverTo(DeliveryPayload payload, DeliveryTarget target) {
        Optional<DeliveryChannel> channel =
                channels.stream().filter(c -> c.handles(target)).findFirst();
        String lastError = "no delivery channel for " + target.channel();
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            DeliveryChannel.Result result;
            try {
                result = channel.map(c -> c.send(payload, target))
                        .orElseGet(() -> DeliveryChannel.Result.failed(
                                Optional.empty(), "no delivery channel for " + target.channel()));
            } catch (RuntimeException e) {
                result = DeliveryChannel.Result.failed(
                        Optional.empty(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            log.record(new DeliveryLog.Attempt(
                    payload.subject(),
                    payload.subjectId(),
                    target.channel(),
                    target.describe(),
                    attempt,
                    clock.instant(),
                    result.succeeded(),
                    result.httpStatus(),
                    result.error()));
            if (result.succeeded()) {
                return new Outcome(target, true, attempt, Optional.empty());
            }
            lastError = result.error().orElse("failed");
            if (channel.isEmpty()) {
                break;
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    pause.sleep(settings.backoffAfter(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Outcome(target, false, attempt, Optional.of("interrupted after: " + lastError));
                }
            }
        }
        return new Outcome(target, false, settings.maxAttempts(), Optional.of(lastError));
    }
}
