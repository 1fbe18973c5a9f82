package com.balancehistory.bootstrap.metrics;

import com.balancehistory.application.port.out.report.DeliveryLog;
import java.util.List;

/** The delivery log, counting every attempt it records by channel and outcome. */
public final class MeteredDeliveryLog implements DeliveryLog {

    private final DeliveryLog log;
    private final ServiceMetrics metrics;

    public MeteredDeliveryLog(DeliveryLog log, ServiceMetrics metrics) {
        this.log = log;
        this.metrics = metrics;
    }

    @Override
    public void record(Attempt attempt) {
        log.record(attempt);
        metrics.deliveryAttempt(attempt.channel(), attempt.succeeded());
    }

    @Override
    public List<Attempt> attempts(String subject, long subjectId) {
        return log.attempts(subject, subjectId);
    }
}
