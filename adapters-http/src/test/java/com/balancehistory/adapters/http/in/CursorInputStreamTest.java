package com.balancehistory.adapters.http.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.balancehistory.application.model.query.RowCursor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CursorInputStreamTest {

    /** A cursor of {@code size} rows that counts how many were read and whether it was closed. */
    static final class CountingCursor implements RowCursor<Integer> {
        final int size;
        int read;
        boolean closed;
        RuntimeException failAt;

        CountingCursor(int size) {
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            return !closed && read < size;
        }

        @Override
        public Integer next() {
            if (failAt != null && read == size / 2) {
                throw failAt;
            }
            return read++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static CursorInputStream<Integer> csv(CountingCursor cursor) {
        return new CursorInputStream<>(
                cursor,
                i -> CsvWriter.line("row", String.valueOf(i)),
                CsvWriter.line("name", "value"),
                new byte[0],
                new byte[0]);
    }

    @Test
    void rows_are_read_from_the_cursor_only_as_the_response_pulls_bytes() throws IOException {
        CountingCursor cursor = new CountingCursor(1_000_000);
        try (InputStream in = csv(cursor)) {
            byte[] first = in.readNBytes(100);

            assertThat(new String(first, StandardCharsets.UTF_8)).startsWith("name,value\r\nrow,0\r\n");
            assertThat(cursor.read).isLessThan(5_000);
        }
        assertThat(cursor.closed).isTrue();
    }

    @Test
    void the_whole_stream_holds_every_row_with_header_separators_and_footer_then_closes_the_cursor()
            throws IOException {
        CountingCursor cursor = new CountingCursor(3);
        InputStream in = new CursorInputStream<>(
                cursor,
                i -> String.valueOf(i).getBytes(StandardCharsets.UTF_8),
                "[".getBytes(StandardCharsets.UTF_8),
                ",".getBytes(StandardCharsets.UTF_8),
                "]".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[0,1,2]");
        assertThat(cursor.closed).isTrue();
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void an_empty_cursor_gives_the_header_and_footer_only() throws IOException {
        CountingCursor cursor = new CountingCursor(0);
        InputStream in = new CursorInputStream<>(
                cursor,
                i -> new byte[0],
                "[".getBytes(StandardCharsets.UTF_8),
                ",".getBytes(StandardCharsets.UTF_8),
                "]".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void a_database_failure_midway_ends_the_stream_with_an_error_and_closes_the_cursor() {
        CountingCursor cursor = new CountingCursor(100_000);
        cursor.failAt = new IllegalStateException("connection lost");
        InputStream in = csv(cursor);

        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class);
        assertThat(cursor.closed).isTrue();
    }

    @Test
    void csv_fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assertThat(new String(CsvWriter.line("a,b", "say \"hi\"", "two\nlines", null, "plain"), StandardCharsets.UTF_8))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,plain\r\n");
    }
}
