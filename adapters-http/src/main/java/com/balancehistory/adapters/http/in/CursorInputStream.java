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

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
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
                cursor.close();
            }
        } catch (RuntimeException e) {
            close();
            throw new IOException("export failed while reading rows", e);
        }
        buffer = pending.toByteArray();
        position = 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cursor.close();
        }
    }
}
