package com.balancehistory.adapters.http.in;

import com.balancehistory.adapters.http.in.problem.ApiProblem;
import com.balancehistory.application.port.in.RunOnceUseCase;
import java.util.function.LongSupplier;

/**
 * The {@code Idempotency-Key} header of {@code POST /api/v1/polls} and {@code POST /api/v1/reports}: with it, a
 * retried request answers with what the first one made (for 24 hours) instead of running again.
 */
public final class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** Tells a client that the answer repeats the first request's. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final int MAX_LENGTH = 200;

    private Idempotency() {}

    /** Runs {@code request}, once per key when a key is given; returns the id of what the (first) request made. */
    public static RunOnceUseCase.Once run(RunOnceUseCase once, String scope, String key, LongSupplier request) {
        if (key == null) {
            return new RunOnceUseCase.Once(request.getAsLong(), false);
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw ApiProblem.invalidParameter(HEADER, HEADER + " must have 1 to " + MAX_LENGTH + " characters");
        }
        try {
            return once.once(scope, key, request);
        } catch (RunOnceUseCase.RequestInProgressException e) {
            throw ApiProblem.conflict(HEADER, e.getMessage() + "; retry when it has answered");
        }
    }
}
