package com.balancehistory.application.port.in.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import java.util.List;
import java.util.Optional;

/**
 * Delivers a report or an alert event to each target, retrying and recording every attempt; a delivery that fails for
 * good is answered as an outcome, never thrown.
 */
public interface DeliverPayloadUseCase {

    /** Whether a target finally received the payload, after how many attempts. */
    record Outcome(DeliveryTarget target, boolean delivered, int attempts, Optional<String> lastError) {}

    /** One outcome per target, in the order given. */
    List<Outcome> deliver(DeliveryPayload payload, List<DeliveryTarget> targets);
}
