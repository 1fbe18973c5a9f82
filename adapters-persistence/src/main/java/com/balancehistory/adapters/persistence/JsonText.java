package com.balancehistory.adapters.persistence;

import java.util.Map;

/** Writes a flat string map as a JSON object (keys sorted, so equal maps give equal text). */
public final class JsonText {

    private JsonText() {}

    public static String object(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(values).entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            quote(json, entry.getKey());
            json.append(':');
            quote(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
