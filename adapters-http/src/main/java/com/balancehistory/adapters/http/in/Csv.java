package com.balancehistory.adapters.http.in;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** RFC 4180 lines: fields with a comma, quote or line break are quoted, quotes doubled; CRLF line ends. */
final class Csv {

    private Csv() {
    }

    static byte[] line(String... fields) {
        StringJoiner joiner = new StringJoiner(",", "", "\r\n");
        for (String field : fields) {
            joiner.add(field(field));
        }
        return joiner.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
