package com.balancehistory.adapters.http.out.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Blanks out a source's credentials wherever provider text is kept or shown (raw bodies, failure reasons), in case a
 * provider echoes a token back in an error body.
 */
public final class Redactor {

    public static final String MASK = "***";

    private final List<String> secrets;

    public Redactor(List<Secret> secrets) {
        List<String> values = new ArrayList<>();
        for (Secret secret : secrets) {
            values.add(secret.reveal());
        }
        values.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(values);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
