package com.balancehistory.adapters.http.out.delivery;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import com.balancehistory.application.port.out.report.DeliveryChannel;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the payload's JSON as one line to the {@code balance-history.notifications} log. */
public final class LogDeliveryChannel implements DeliveryChannel {

    private static final Logger LOG = LoggerFactory.getLogger("balance-history.notifications");

    @Override
    public boolean handles(DeliveryTarget target) {
        return target instanceof DeliveryTarget.Log;
    }

    @Override
    public Result send(DeliveryPayload payload, DeliveryTarget target) {
        LOG.warn("{} {}: {}", payload.subject(), payload.subjectId(), payload.json());
        return Result.ok(Optional.empty());
    }
}
