package com.balancehistory.adapters.http.in;

import com.balancehistory.application.model.query.RowCursor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The bytes of a cursor's rows, produced as they are read: the response pulls a few kilobytes at a time, and only
 * then are the next rows fetched from the database, so an export never sits in memory as a whole. Closing the
 * stream (at the end, or when the client goes away) closes the cursor and releases its connection.
 */
final class CursorInputStream<T> extends InputStream {

    private static final int CHUNK = 16 * 1024;

    private final RowCursor<T> cursor;
    private final Function<T, byte[]> encoder;
    private final byte[] separator;
    private final byte[] footer;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK * 2);
    private byte[] buffer;
    private int position;
    private boolean first = true;
    private boolean finished;
    private boolean closed;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile String abortedBecause;
    private Runnable onClose = () -> {};

    CursorInputStream(
            RowCursor<T> cursor, Function<T, byte[]> encoder, byte[] header, byte[] separator, byte[] footer) {
        this.cursor = cursor;
        this.encoder = encoder;
        this.separator = separator;
        this.footer = footer;
        this.buffer = header;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    /** Runs once when the stream is closed or aborted (an {@link ExportGate} returns its permit). */
    CursorInputStream<T> onClose(Runnable action) {
        this.onClose = action;
        return this;
    }

    /** Nanoseconds ({@link System#nanoTime()}) of the last time the response asked for bytes. */
    long lastReadNanos() {
        return lastReadNanos;
    }

    /** Closes the cursor now, so its connection goes back to the pool; the next read fails with the reason. */
    synchronized void abort(String reason) {
        if (!closed) {
            abortedBecause = reason;
            close();
        }
    }

    @Override
    public synchronized int read(byte[] target, int offset, int length) throws IOException {
        lastReadNanos = System.nanoTime();
        if (abortedBecause != null) {
            throw new IOException("export aborted: " + abortedBecause);
        }
        if (length == 0) {
            return 0;
        }
        while (position >= buffer.length) {
            if (finished || closed) {
                return -1;
            }
            fill();
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, target, offset, n);
        position += n;
        return n;
    }

    private void fill() throws IOException {
        pending.reset();
        try {
            while (pending.size() < CHUNK && cursor.hasNext()) {
                if (!first) {
                    pending.write(separator);
                }
                first = false;
                pending.write(encoder.apply(cursor.next()));
            }
            if (!cursor.hasNext()) {
                pending.write(footer);
                finished = true;
                close();
            }
        } catch (RuntimeException e) {
            close();
            throw new IOException("export failed while reading rows", e);
        }
        buffer = pending.toByteArray();
        position = 0;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                cursor.close();
            } finally {
                onClose.run();
            }
        }
    }
}
