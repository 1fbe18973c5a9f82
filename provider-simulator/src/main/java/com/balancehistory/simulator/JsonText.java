package com.balancehistory.simulator;

import java.math.BigDecimal;

/** Hand-written JSON text helpers (the simulator depends on nothing but the JDK). */
final class JsonText {

    private JsonText() {}

    /** Cents as a plain decimal with two places: {@code 1500.00}. */
    static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    /** A JSON string literal, quotes included. */
    static String str(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
