package com.balancehistory.adapters.http.out.common;

import com.balancehistory.application.port.out.FailureKind;
import com.balancehistory.application.port.out.RawResponse;
import java.time.Instant;
import java.util.List;

/**
 * The end of one logical GET after any retries: the last response (status and body, as received), or a
 * transport failure when no usable response came (timeout, connection error, response over the size cap).
 *
 * @param status           last HTTP status, or 0 when there was no response
 * @param body             last body as received, empty when there was none
 * @param rawResponses     every response received, for audit (as received; redacted where they leave the adapter)
 * @param transportFailure kind of failure when there was no usable response, else null
 * @param transportReason  why, else null
 * @param attempts         how many requests were sent
 * @param retryNote        why retrying stopped early (a Retry-After beyond our cap), else null
 * @param retryAt          when the provider said it may be called again (Retry-After on the last answer), else null
 */
public record HttpOutcome(
        int status,
        String body,
        List<RawResponse> rawResponses,
        FailureKind transportFailure,
        String transportReason,
        int attempts,
        String retryNote,
        Instant retryAt) {

    public HttpOutcome {
        body = body == null ? "" : body;
        rawResponses = List.copyOf(rawResponses);
    }

    public HttpOutcome(
            int status,
            String body,
            List<RawResponse> rawResponses,
            FailureKind transportFailure,
            String transportReason,
            int attempts,
            String retryNote) {
        this(status, body, rawResponses, transportFailure, transportReason, attempts, retryNote, null);
    }

    /** A 2xx answer with a body to parse. */
    public boolean isSuccess() {
        return transportFailure == null && status >= 200 && status < 300;
    }

    public boolean hasResponse() {
        return transportFailure == null;
    }
}
