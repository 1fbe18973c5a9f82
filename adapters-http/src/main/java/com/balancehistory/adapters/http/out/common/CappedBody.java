package com.balancehistory.adapters.http.out.common;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a cap and cancels the stream beyond it. The buffer is sized from {@code Content-Length}
 * when the provider sends one, so a large body is held once as bytes and once as text, never in a doubling
 * buffer; and the text is handed over through a holder that lets go of it, because the JDK client keeps the last
 * response's subscriber and result reachable from its pooled connection (a large listing stayed on the heap, twice,
 * until the next poll).
 */
final class CappedBody implements HttpResponse.BodySubscriber<CappedBody.Text> {

    /** A body's text, to be taken once. */
    static final class Text {
        private String value;

        Text(String value) {
            this.value = value;
        }

        String take() {
            String taken = value;
            value = null;
            return taken == null ? "" : taken;
        }
    }

    /** The most one Java array holds. */
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private final long cap;
    private final CompletableFuture<Text> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buffer;
    private int received;

    CappedBody(long cap, long contentLength) {
        this.cap = Math.min(cap, LARGEST_ARRAY);
        this.buffer = new byte[contentLength >= 0 && contentLength <= this.cap ? (int) contentLength : 8192];
    }

    @Override
    public CompletionStage<Text> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            long total = (long) received + item.remaining();
            if (total > cap) {
                subscription.cancel();
                buffer = null;
                result.completeExceptionally(new ResponseTooLargeException(cap));
                return;
            }
            if (total > buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(total, 2L * buffer.length)));
            }
            int length = item.remaining();
            item.get(buffer, received, length);
            received += length;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        buffer = null;
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        String text = new String(buffer, 0, received, StandardCharsets.UTF_8);
        buffer = null;
        result.complete(new Text(text));
    }

    /** Thrown inside the body subscriber when a response passes the cap. */
    static final class ResponseTooLargeException extends IOException {
        ResponseTooLargeException(long cap) {
            super("response larger than " + cap + " bytes");
        }
    }
}
