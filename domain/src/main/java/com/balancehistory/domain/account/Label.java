package com.balancehistory.domain.account;

import java.util.Objects;
import java.util.regex.Pattern;

/** One label of an account: a key such as {@code department} and its value such as {@code Marketing}. */
public record Label(String key, String value) {

    /**
     * Lower-case letters, digits, {@code _} and {@code -}, starting with a letter or digit: no dots, so that a key is
     * one configuration key too.
     */
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public static final int MAX_VALUE_LENGTH = 200;

    public Label {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        requireKey(key);
        if (value.isBlank()) {
            throw new IllegalArgumentException("label '" + key + "' has an empty value");
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(
                    "label '" + key + "' has a value longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("label '" + key + "' has a control character in its value");
        }
    }

    /** {@code key:value}, split at the first colon ({@code department:Marketing}). */
    public static Label parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a label is key:value (department:Marketing), got '" + text + "'");
        }
        return new Label(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Throws naming the key when it is not a label key. */
    public static String requireKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("label key '" + key
                    + "' must be lower-case letters, digits, '_' or '-' (at most 63, starting with a letter or digit)");
        }
        return key;
    }

    @Override
    public String toString() {
        return key + ":" + value;
    }
}
