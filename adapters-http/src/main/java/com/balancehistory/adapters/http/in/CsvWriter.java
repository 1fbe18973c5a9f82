package com.balancehistory.adapters.http.in;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * The one CSV writer of the service (exports and reports): RFC 4180 lines with CRLF ends; cells with a comma, quote
 * or line break are quoted, quotes doubled. Before writing, every cell is neutralised against spreadsheet formula
 * injection (OWASP "CSV injection"): a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading {@code '}, so Excel, LibreOffice and Google Sheets show it as text instead of
 * running it. Plain negative numbers ({@code -12.50}) stay as they are, so amounts remain numbers.
 * <p>
 * Hand-written: jackson-dataformat-csv 2.x either quotes by heuristics (every cell with a space) or, in strict mode,
 * leaves line breaks unquoted; neither is the minimal RFC 4180 quoting these files promise.
 */
public final class CsvWriter {

    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    private CsvWriter() {}

    /** One line, neutralised and quoted as needed, in UTF-8. */
    public static byte[] line(String... cells) {
        return text(cells).getBytes(StandardCharsets.UTF_8);
    }

    /** One line as text, CRLF included. */
    public static String text(String... cells) {
        StringJoiner line = new StringJoiner(",", "", "\r\n");
        for (String cell : cells) {
            line.add(quoted(neutralised(cell)));
        }
        return line.toString();
    }

    /** The cell as a spreadsheet will show it as text: formula starters prefixed with {@code '}. */
    public static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        boolean formula = first == '='
                || first == '+'
                || first == '@'
                || first == '\t'
                || first == '\r'
                || first == '-' && !NEGATIVE_NUMBER.matcher(cell).matches();
        return formula ? "'" + cell : cell;
    }

    private static String quoted(String cell) {
        boolean quote =
                cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
        return quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
