package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.RawResponse;
import java.time.Instant;
import java.util.List;

/**
 * One request sent: the response's status, body and Retry-After, or (status 0) the transport failure and whether it
 * is worth retrying.
 */
record HttpAttempt(
        int status,
        String body,
        String retryAfter,
        FailureKind transportKind,
        String transportReason,
        boolean retryableTransport) {

    static HttpAttempt response(int status, String body, String retryAfter) {
        return new HttpAttempt(status, body, retryAfter, null, null, false);
    }

    static HttpAttempt transport(FailureKind kind, String reason, boolean retryable) {
        return new HttpAttempt(0, "", null, kind, reason, retryable);
    }

    boolean retryable() {
        return retryableTransport || status == 429 || (status >= 500 && status <= 599);
    }

    HttpOutcome toOutcome(List<RawResponse> raws, int attempts, String note, Instant retryAt) {
        return new HttpOutcome(status, body, raws, transportKind, transportReason, attempts, note, retryAt);
    }
}
