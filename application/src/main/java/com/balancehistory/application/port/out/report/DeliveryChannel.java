package com.balancehistory.application.port.out.report;

import com.balancehistory.application.model.report.DeliveryPayload;
import com.balancehistory.application.model.report.DeliveryTarget;
import java.util.Optional;

/** Sends one payload to one target once; retries and recording are the caller's. */
public interface DeliveryChannel {

    /** Whether this channel handles the target's kind. */
    boolean handles(DeliveryTarget target);

    Result send(DeliveryPayload payload, DeliveryTarget target);

    /** The outcome of one attempt: expected failures are data. */
    record Result(boolean succeeded, Optional<Integer> httpStatus, Optional<String> error) {
        public static Result ok(Optional<Integer> status) {
            return new Result(true, status, Optional.empty());
        }

        public static Result failed(Optional<Integer> status, String error) {
            return new Result(false, status, Optional.of(error));
        }
    }
}
