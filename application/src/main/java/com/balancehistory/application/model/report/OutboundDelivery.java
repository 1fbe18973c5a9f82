package com.balancehistory.application.model.report;

import java.util.Objects;

/** One payload for one target, written to the outbox with what it announces and sent later by a worker. */
public record OutboundDelivery(DeliveryPayload payload, DeliveryTarget target) {

    public OutboundDelivery {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(target, "target");
    }
}
